#!/usr/bin/env node
// Generates eval-pairs.json: labelled name pairs for measuring @xlic/screen (recall, false hits).
// Hand-written seeds below; systematic variations (typos, transpositions, legal forms, word order,
// transliteration and romanisation variants) and look-alikes (other parties sharing words).
// Deterministic: `node examples/screening/make-eval-set.mjs` rewrites the same file.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

// Deterministic PRNG (mulberry32) so that typos are the same on every run.
let seed = 20261123;
function rand() {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (a) => a[Math.floor(rand() * a.length)];

/** Longest word of a name (the one a typo is put into). */
function longestWordIndex(words) {
  let best = 0;
  words.forEach((w, i) => { if (w.length > words[best].length) best = i; });
  return best;
}
function typo(name) {
  const words = name.split(' ');
  const i = longestWordIndex(words);
  const w = words[i];
  const at = 1 + Math.floor(rand() * (w.length - 2));
  const letters = /\p{Script=Cyrillic}/u.test(w) ? 'аеиностлм' : 'aeinorstlm';
  let c = pick(letters);
  while (c === w[at].toLowerCase()) c = pick(letters);
  words[i] = w.slice(0, at) + c + w.slice(at + 1);
  return words.join(' ');
}
function transpose(name) {
  const words = name.split(' ');
  const i = longestWordIndex(words);
  const w = words[i];
  const at = 1 + Math.floor(rand() * (w.length - 3));
  words[i] = w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2);
  return words.join(' ');
}
function dropLetter(name) {
  const words = name.split(' ');
  const i = longestWordIndex(words);
  const w = words[i];
  const at = 1 + Math.floor(rand() * (w.length - 2));
  words[i] = w.slice(0, at) + w.slice(at + 1);
  return words.join(' ');
}
const reverseWords = (name) => name.split(' ').reverse().join(' ');
const stripDiacritics = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/ı/g, 'i').replace(/ß/g, 'ss');
const germanExpand = (s) => s.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/Ä/g, 'Ae').replace(/Ö/g, 'Oe').replace(/Ü/g, 'Ue').replace(/ß/g, 'ss');

const pairs = [];
const add = (listed, legalName, match, note, legalNameLatin) => {
  const candidate = legalNameLatin ? { legalName, legalNameLatin } : { legalName };
  pairs.push({ listed: { names: listed }, candidate, match, note });
};
const primary = (value, extra = {}) => ({ value, kind: 'primary', ...extra });
const alias = (value, extra = {}) => ({ value, kind: 'alias', ...extra });
const translit = (value, extra = {}) => ({ value, kind: 'transliteration', ...extra });

// ---------------------------------------------------------------- Latin-script companies
// [core name, listed legal form, other legal forms for variants, look-alikes (other companies)]
const latinCompanies = [
  ['Schwarzwald Präzisionsmaschinen', 'GmbH', ['AG', 'LLC'], ['Schwarzwald Holzbau GmbH', 'Bodensee Präzisionsmaschinen GmbH']],
  ['Müller Hydraulik Systeme', 'GmbH', ['GmbH & Co. KG', 'Ltd'], ['Möller Pneumatik Systeme GmbH', 'Müller Elektronik GmbH']],
  ['Atlantique Composites', 'SARL', ['SA', 'SAS'], ['Atlantique Logistique SARL', 'Pacifique Composites SAS']],
  ['Société Lyonnaise de Métrologie', 'SA', ['SARL', 'Ltd'], ['Société Marseillaise de Métrologie SA', 'Société Lyonnaise de Transport SA']],
  ['Öztürk Makine', 'A.Ş.', ['Ltd. Şti.', 'LLC'], ['Öztürk Tekstil A.Ş.', 'Yıldız Makine A.Ş.']],
  ['Çağdaş Elektronik Savunma', 'A.Ş.', ['Ltd. Şti.', 'Inc'], ['Çağdaş Gıda Pazarlama A.Ş.', 'Anadolu Elektronik Savunma A.Ş.']],
  ['Gülşen Kimya Sanayi', 'Ltd. Şti.', ['A.Ş.', 'Ltd'], ['Gülşen Tekstil Sanayi Ltd. Şti.', 'Ersoy Kimya Sanayi Ltd. Şti.']],
  ['Nordic Photonics', 'AB', ['AS', 'Ltd'], ['Nordic Seafood AB', 'Baltic Photonics AB']],
  ['Milano Sistemi Ottici', 'S.p.A.', ['Srl', 'SA'], ['Torino Sistemi Ottici S.p.A.', 'Milano Sistemi Navali S.p.A.']],
  ['Rotterdam Vacuum Technology', 'B.V.', ['N.V.', 'GmbH'], ['Rotterdam Port Services B.V.', 'Eindhoven Vacuum Technology B.V.']],
  ['Pacific Rim Dual Trading', 'Pte. Ltd.', ['Ltd', 'LLC'], ['Pacific Rim Seafood Pte. Ltd.', 'Atlantic Rim Dual Shipping Pte. Ltd.']],
  ['Golden Crescent Electronics', 'LLC', ['FZE', 'Ltd'], ['Silver Crescent Electronics LLC', 'Golden Crescent Foods LLC']],
  ['Harbin Precision Bearings', 'Co., Ltd.', ['Inc', 'Corp'], ['Harbin Dairy Products Co., Ltd.', 'Dalian Precision Bearings Co., Ltd.']],
  ['Vostok Aerospace Components', 'Ltd', ['LLC', 'JSC'], ['Vostok Shipping Ltd', 'Zapad Aerospace Components Ltd']],
  ['Kessler & Söhne Feinmechanik', 'KG', ['GmbH', 'AG'], ['Kessler Immobilien KG', 'Brandt & Söhne Feinmechanik KG']],
  ['Bergström Kylteknik', 'AB', ['Oy', 'Ltd'], ['Bergström Fastigheter AB', 'Lindqvist Kylteknik AB']],
  ['Dąbrowski Optoelektronika', 'Sp. z o.o.', ['S.A.', 'Ltd'], ['Dąbrowski Meble Sp. z o.o.', 'Kowalski Optoelektronika Sp. z o.o.']],
  ['Ferreira Aeronáutica', 'Ltda', ['S.A.', 'Inc'], ['Ferreira Alimentos Ltda', 'Oliveira Aeronáutica Ltda']],
  ['Zagreb Specijalna Vozila', 'd.o.o.', ['d.d.', 'Ltd'], ['Zagreb Turistička Agencija d.o.o.', 'Split Specijalna Vozila d.o.o.']],
  ['Helvetia Isotope Laboratories', 'AG', ['SA', 'GmbH'], ['Helvetia Versicherungen AG', 'Basel Isotope Laboratories AG']],
  ['Quantum Lithography Systems', 'Inc', ['Corp', 'LLC'], ['Quantum Dental Systems Inc', 'Photon Lithography Systems Inc']],
  ['Rasheed Brothers Marine Engineering', 'L.L.C.', ['FZCO', 'Ltd'], ['Rasheed Brothers Textiles L.L.C.', 'Hamdan Brothers Marine Engineering L.L.C.']],
];
for (const [core, form, others, lookalikes] of latinCompanies) {
  const listedName = `${core} ${form}`;
  const listed = [primary(listedName, { script: 'Latn' })];
  add(listed, listedName, true, 'identical');
  add(listed, core, true, 'legal form removed');
  add(listed, `${core} ${others[0]}`, true, 'legal form replaced');
  add(listed, `${core} ${others[1]}`, true, 'legal form translated');
  add(listed, `${typo(core)} ${form}`, true, 'one-letter typo');
  add(listed, `${transpose(core)} ${form}`, true, 'transposed letters');
  add(listed, dropLetter(core), true, 'letter dropped, legal form removed');
  add(listed, `${reverseWords(core)} ${form}`, true, 'word order changed');
  add(listed, stripDiacritics(listedName).toUpperCase(), true, 'upper case without diacritics');
  if (germanExpand(core) !== core) add(listed, `${germanExpand(core)} ${form}`, true, 'umlauts written as ae/oe/ue');
  for (const other of lookalikes) add(listed, other, false, 'look-alike: another company sharing words');
}

// ---------------------------------------------------------------- Latin-script persons (variant spellings)
const persons = [
  [['Mohammed', 'Muhammad', 'Mohamed', 'Mohammad'], 'Al-Rashid', ['Al Rasheed'], ['Mohammed Al-Hashimi', 'Ahmed Al-Rashidi Trading']],
  [['Sergey', 'Sergei', 'Serguei'], 'Volkov', ['Volkoff'], ['Sergey Volkonsky', 'Sergey Popov']],
  [['Yusuf', 'Youssef', 'Yousef'], 'Haddad', ['Hadad'], ['Yusuf Hamdan', 'Yusuf Hashemi']],
  [['Aleksandr', 'Alexander', 'Aleksander'], 'Petrov', ['Petroff'], ['Aleksandr Pavlov', 'Alexandra Petrenko']],
  [['Hussein', 'Husayn', 'Hussain'], 'Qassem', ['Kassem', 'Qasim'], ['Hussein Karimi', 'Hassan Nasrallah']],
  [['Dmitry', 'Dmitri', 'Dmitriy'], 'Kuznetsov', ['Kuznetzov'], ['Dmitry Kozlov', 'Dmitry Kuzmin']],
  [['Abdullah', 'Abdallah', 'Abdulla'], 'Nasser', ['Nasser'], ['Abdullah Mansour', 'Abdel Nour']],
  [['Yuriy', 'Yuri', 'Iouri'], 'Shevchenko', ['Shevtchenko'], ['Yuriy Shevchuk', 'Yuriy Tkachenko']],
];
for (const [firsts, last, lastVariants, lookalikes] of persons) {
  const listedName = `${firsts[0]} ${last}`;
  const listed = [primary(listedName, { script: 'Latn' })];
  for (const f of firsts.slice(1)) add(listed, `${f} ${last}`, true, `given name spelt ${f}`);
  for (const l of lastVariants) add(listed, `${pick(firsts)} ${l}`, true, `family name spelt ${l}`);
  add(listed, `${last.toUpperCase()} ${firsts[0]}`, true, 'family name first');
  add(listed, `${firsts[0]} ${typo(last)}`, true, 'one-letter typo in family name');
  for (const other of lookalikes) add(listed, other, false, 'look-alike: another person sharing a name');
}

// ---------------------------------------------------------------- Cyrillic
// [Cyrillic name, Latin alias, Latin variants of the alias, Cyrillic look-alikes]
const cyrillic = [
  ['ООО «Ромашка Технологии»', 'Romashka Tekhnologii', ['Romashka Technologii', 'Romashka Tehnologii LLC'], ['ООО «Ромашка Агро»', 'ООО «Василёк Технологии»']],
  ['АО «Уральский оптико-механический завод»', 'Uralskiy Optiko-Mekhanicheskiy Zavod', ['Uralsky Optiko-Mekhanichesky Zavod JSC', 'Ural\'skij Optiko-Mehanicheskij Zavod'], ['АО «Уральский турбинный завод»', 'АО «Сибирский оптико-механический завод»']],
  ['ПАО «Северсталь-Инжиниринг»', 'Severstal-Inzhiniring', ['Severstal Inzhiniring PJSC', 'Severstal Injiniring'], ['ПАО «Северсталь-Авто»', 'ПАО «Южсталь-Инжиниринг»']],
  ['Сергей Иванович Кузнецов', 'Sergey Ivanovich Kuznetsov', ['Sergei Ivanovich Kuznetsov', 'Kuznetsov Sergey Ivanovich'], ['Сергей Иванович Кузьмин', 'Андрей Иванович Кузнецов']],
  ['ЗАО «Щит Электроника»', 'Shchit Elektronika', ['Schit Elektronika', 'Shchit Electronika CJSC'], ['ЗАО «Меч Электроника»', 'ЗАО «Щит Логистика»']],
  ['ООО «Хладотехника Юг»', 'Khladotekhnika Yug', ['Hladotehnika Yug LLC', 'Khladotekhnika Iug'], ['ООО «Хладотехника Север»', 'ООО «Теплотехника Юг»']],
  ['Алексей Юрьевич Соколов', 'Aleksey Yuryevich Sokolov', ['Alexei Yurievich Sokolov', 'Aleksei Iurevich Sokolov'], ['Алексей Юрьевич Соколовский', 'Алексей Петрович Смирнов']],
];
for (const [cyr, lat, variants, lookalikes] of cyrillic) {
  const listed = [primary(cyr, { script: 'Cyrl', language: 'ru' }), translit(lat, { script: 'Latn', language: 'ru-Latn' })];
  add(listed, cyr, true, 'identical, Cyrillic');
  add(listed, cyr.replace(/^(ООО|АО|ПАО|ЗАО) «(.*)»$/u, '$2 $1').replace(/^(ООО|АО|ПАО|ЗАО) /u, ''), true, 'Cyrillic, legal form moved or removed, no quotes');
  add(listed, cyr.toUpperCase(), true, 'Cyrillic upper case');
  add(listed, typo(cyr.replace(/[«»]/g, '')), true, 'Cyrillic with a one-letter typo');
  for (const v of variants) add(listed, v, true, `Latin transliteration variant "${v}"`);
  add(listed, 'ООО Компания', false, 'unrelated Cyrillic name');
  for (const other of lookalikes) add(listed, other, false, 'look-alike: another Cyrillic name sharing words');
}

// ---------------------------------------------------------------- Arabic
// [Arabic name, Latin alias, Latin variants, look-alikes (Arabic or Latin)]
const arabic = [
  ['شركة النور للتجارة ذ.م.م', 'Al Noor Trading', ['Al-Nour Trading LLC', 'Alnoor Trading Company'], ['شركة الفجر للتجارة ذ.م.م', 'Al Fajr Trading LLC']],
  ['محمد بن سلمان الرشيد', 'Mohammed bin Salman Al Rashid', ['Muhammad bin Salman Al-Rasheed', 'Mohamed Bin Salman Alrashid'], ['محمد بن فهد العتيبي', 'Mohammed bin Fahd Al Otaibi']],
  ['عبد الله يوسف حداد', 'Abdullah Yusuf Haddad', ['Abdallah Youssef Hadad', 'Abdulla Yousef Haddad'], ['عبد الرحمن خالد منصور', 'Abdulrahman Khaled Mansour']],
  ['شركة الصقر للصناعات الإلكترونية', 'Al Saqr Electronic Industries', ['Al-Saqr Electronic Industries Co', 'Alsaqr Electronic Industries'], ['شركة النسر للصناعات الغذائية', 'Al Nasr Food Industries']],
  ['حسين قاسم', 'Hussein Qassem', ['Husayn Qasim', 'Hussain Kassem'], ['حسن نصر', 'Hassan Nasr']],
  ['مؤسسة الخليج للمعدات الدقيقة', 'Gulf Precision Equipment Establishment', ['Gulf Precision Equipment Est', 'Al Khaleej Precision Equipment'], ['مؤسسة الخليج للأغذية', 'Gulf Food Establishment']],
];
for (const [ar, lat, variants, lookalikes] of arabic) {
  const listed = [primary(ar, { script: 'Arab', language: 'ar' }), translit(lat, { script: 'Latn', language: 'ar-Latn' })];
  add(listed, ar, true, 'identical, Arabic');
  add(listed, ar.replace(/^شركة /u, '').replace(/ ذ\.م\.م$/u, ''), true, 'Arabic without legal form');
  add(listed, ar.replace(/ /u, '  ').replace(/ا/u, 'ا\u064E'), true, 'Arabic with harakat and double space');
  add(listed, lat, true, 'Latin alias');
  for (const v of variants) add(listed, v, true, `Latin spelling variant "${v}"`);
  for (const other of lookalikes) add(listed, other, false, 'look-alike: another Arabic name sharing words');
}
// Arabic-script candidate against a list holding only a Latin name.
const arabicToLatinOnly = [
  ['Mohammed Al Rashid', 'محمد الرشيد', true],
  ['Hussein Qassem', 'حسين قاسم', true],
  ['Yusuf Haddad', 'يوسف حداد', true],
  ['Abdullah Nasser', 'عبد الله ناصر', true],
  ['Khalid Mansour', 'خالد منصور', true],
  ['Mohammed Al Rashid', 'محمد العتيبي', false],
  ['Hussein Qassem', 'حسن نصر الله', false],
  ['Yusuf Haddad', 'يوسف منصور', false],
];
for (const [lat, ar, match] of arabicToLatinOnly) {
  add([primary(lat, { script: 'Latn' })], ar, match, match ? 'Arabic candidate, Latin-only list entry (consonant skeleton)' : 'look-alike: Arabic candidate sharing a given name');
}

// ---------------------------------------------------------------- Chinese
// [simplified, traditional, English/pinyin alias, candidate Latin variants, look-alikes]
const chinese = [
  ['华芯微电子有限公司', '華芯微電子有限公司', 'Huaxin Microelectronics Co., Ltd.', ['Huaxin Microelectronics Company Limited', 'Hua Xin Microelectronics Ltd'], ['华为技术有限公司', '中芯微电子有限公司']],
  ['北京星河航天科技有限公司', '北京星河航天科技有限公司', 'Beijing Xinghe Aerospace Technology Co., Ltd.', ['Beijing Xinghe Aerospace Tech Co Ltd', 'Xinghe Aerospace Technology (Beijing) Co., Ltd.'], ['北京星河物流有限公司', '上海星河航天科技有限公司']],
  ['深圳市龙腾精密机械有限公司', '深圳市龍騰精密機械有限公司', 'Shenzhen Longteng Precision Machinery Co., Ltd.', ['Shenzhen Long Teng Precision Machinery Co Ltd', 'Shenzhen Longteng Precision Machinery Limited'], ['深圳市龙腾服装有限公司', '东莞市龙腾精密机械有限公司']],
  ['中航远东贸易股份有限公司', '中航遠東貿易股份有限公司', 'China Aviation Far East Trading Corporation', ['China Aviation Far-East Trading Corp', 'China Aviation Far East Trading Co., Ltd.'], ['中航南方贸易股份有限公司', 'China Shipping Far East Trading Corporation']],
  ['大连海星光电有限公司', '大連海星光電有限公司', 'Dalian Haixing Optoelectronics Co., Ltd.', ['Dalian Hai Xing Opto-electronics Co Ltd', 'Dalian Haixing Optoelectronic Company'], ['大连海星食品有限公司', '青岛海星光电有限公司']],
];
for (const [simp, trad, lat, variants, lookalikes] of chinese) {
  const listed = [primary(simp, { script: 'Hans', language: 'zh' }), alias(lat, { script: 'Latn' })];
  add(listed, simp, true, 'identical, simplified Chinese');
  add(listed, trad, true, 'traditional characters (same pinyin)');
  add(listed, simp.replace(/(股份)?有限公司$/u, ''), true, 'without 有限公司');
  add(listed, simp.replace(/有限公司$/u, '集团有限公司'), true, 'with 集团 (group) added');
  for (const v of variants) add(listed, simp, true, `Chinese name with Latin name "${v}"`, v);
  for (const v of variants) add(listed, `${v}`, true, `Latin name only "${v}"`);
  for (const other of lookalikes) add(listed, other, false, 'look-alike: another Chinese company sharing words');
}

// ---------------------------------------------------------------- Japanese
// [kanji name, romaji alias, romaji variants (long vowels, legal forms), look-alikes (kanji, romaji)]
const japanese = [
  ['東海精密株式会社', 'Tokai Seimitsu', ['Tōkai Seimitsu K.K.', 'Toukai Seimitsu Co., Ltd.', 'Tohkai Seimitsu Kabushiki Kaisha'], [['東海電機株式会社', 'Tokai Denki K.K.'], ['北海精密株式会社', 'Hokkai Seimitsu Co., Ltd.']]],
  ['大阪光学工業株式会社', 'Osaka Kogaku Kogyo', ['Ōsaka Kōgaku Kōgyō K.K.', 'Oosaka Kougaku Kougyou Co., Ltd.', 'Osaka Kogaku Kogyo Kabushiki Kaisha'], [['大阪化学工業株式会社', 'Osaka Kagaku Kogyo K.K.'], ['大阪光学販売株式会社', 'Osaka Kogaku Hanbai Co., Ltd.']]],
  ['新橋電子有限会社', 'Shinbashi Denshi', ['Shimbashi Denshi Y.K.', 'Shinbashi Denshi Co., Ltd.', 'Shimbashi Denshi Yugen Kaisha'], [['新橋食品有限会社', 'Shinbashi Shokuhin Y.K.'], ['新宿電子有限会社', 'Shinjuku Denshi Co., Ltd.']]],
  ['九州重工株式会社', 'Kyushu Juko', ['Kyūshū Jūkō K.K.', 'Kyuushuu Juukou Co., Ltd.', 'Kyushu Jukou Corporation'], [['九州観光株式会社', 'Kyushu Kanko K.K.'], ['四国重工株式会社', 'Shikoku Juko Co., Ltd.']]],
  ['株式会社日本精工機', 'Nihon Seikoki', ['Nippon Seikoki K.K.', 'Nihon Seikōki Co., Ltd.', 'Nihon Seikouki Kabushiki Kaisha'], [['株式会社日本精糖', 'Nihon Seito K.K.'], ['株式会社東洋精工機', 'Toyo Seikoki Co., Ltd.']]],
];
for (const [kanji, romaji, variants, lookalikes] of japanese) {
  const listed = [primary(kanji, { script: 'Jpan', language: 'ja' }), translit(romaji, { script: 'Latn', language: 'ja-Latn' })];
  add(listed, kanji, true, 'identical, Japanese');
  add(listed, kanji.replace('株式会社', '(株)'), true, 'legal form abbreviated (株)');
  add(listed, kanji.replace(/株式会社|有限会社/u, ''), true, 'legal form removed');
  add(listed, kanji.replace(/株式会社|有限会社/u, '㈱'), true, 'legal form as ㈱');
  for (const v of variants) add(listed, kanji.replace(/株式会社|有限会社/u, '(株)'), true, `Japanese name with romaji "${v}"`, v);
  for (const v of variants) add(listed, v, true, `romaji only "${v}"`);
  for (const [k, r] of lookalikes) {
    add(listed, k, false, 'look-alike: another Japanese company sharing words');
    add(listed, k, false, 'look-alike with romaji: another Japanese company sharing words', r);
  }
}

// ---------------------------------------------------------------- Korean (bonus script)
const korean = [
  ['한빛정밀 주식회사', 'Hanbit Precision', ['한빛 정밀', '(주)한빛정밀'], ['한빛식품 주식회사', '새빛정밀 주식회사']],
  ['대한광학산업 주식회사', 'Daehan Optical Industries', ['대한 광학 산업', '㈜대한광학산업'], ['대한제분 주식회사', '동양광학산업 주식회사']],
];
for (const [ko, lat, variants, lookalikes] of korean) {
  const listed = [primary(ko, { script: 'Kore', language: 'ko' }), alias(lat, { script: 'Latn' })];
  add(listed, ko, true, 'identical, Korean');
  for (const v of variants) add(listed, v, true, `Korean spacing or legal form variant "${v}"`);
  add(listed, `${lat} Co., Ltd.`, true, 'Latin name with legal form');
  for (const other of lookalikes) add(listed, other, false, 'look-alike: another Korean company sharing words');
}

const out = {
  description: 'Labelled name pairs for @xlic/screen: listed names (primary, aliases, transliterations) vs a candidate party name. Generated by examples/screening/make-eval-set.mjs; evaluate with examples/screening/evaluate.mjs.',
  generatedBy: 'examples/screening/make-eval-set.mjs',
  counts: { pairs: pairs.length, matches: pairs.filter((p) => p.match).length, nonMatches: pairs.filter((p) => !p.match).length },
  pairs,
};
fs.writeFileSync(path.join(here, 'eval-pairs.json'), `${JSON.stringify(out, null, 1)}\n`);
console.log(`wrote examples/screening/eval-pairs.json: ${out.counts.pairs} pairs (${out.counts.matches} matches, ${out.counts.nonMatches} non-matches)`);
