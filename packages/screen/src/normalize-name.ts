import anyAscii from 'any-ascii';
import { CJK_LEGAL_FORMS, CJK_TRAILING_WORDS, GENERIC_WORDS, LEGAL_FORM_PHRASES, STOP_WORDS } from './legal-forms.js';
import { consonantSkeleton, phoneticKey } from './phonetic-key.js';
import { cleanInvisible, foldConfusables, type NameFlag } from './unicode-hygiene.js';

/** One word of a normalised name. */
export interface NameToken {
  /** Case folded, without diacritics or punctuation, in its own script. */
  native: string;
  /** ASCII transliteration of `native` (any-ascii), lower case, letters and digits only. */
  latin: string;
  /** Sound-alike key of `latin` (phonetic-key.ts). */
  phon: string;
  /** Consonant skeleton of `latin`. */
  cons: string;
  /** Written in an abjad (Arabic, Hebrew): short vowels are missing from `latin`. */
  abjad: boolean;
  /** Not Latin script: `latin` came from transliteration. */
  transliterated: boolean;
  /** One Han or Hangul character (these scripts write words without spaces; each character counts alone). */
  syllabic: boolean;
  /** Weight in the name score: 1, 0.5 for one- and two-letter words, 0.3 for generic words. */
  weight: number;
}

/** A name prepared for matching. */
export interface NameKey {
  /** The name as given. */
  text: string;
  tokens: NameToken[];
  /** What looked suspicious in the way the name is written. */
  flags: NameFlag[];
  /** Script family of the first non-Latin word (cjk, hangul, cyrillic, arabic, greek, hebrew, other), if any. */
  script?: string;
}

const SCRIPT_FAMILIES: ReadonlyArray<[string, RegExp]> = [
  ['cjk', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
];

/** Script family of a word that is not Latin. */
function scriptFamily(word: string): string {
  for (const [family, re] of SCRIPT_FAMILIES) if (re.test(word)) return family;
  return 'other';
}

const MAX_TOKENS = 40;
const ABJAD = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}]/u;
const NON_LATIN = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;
const STRIP_MARKS_AFTER = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Arabic}\p{Script=Hebrew}]/u;

/**
 * Step 1 — compatibility and case: NFKC (full-width, ligatures, ㈱ → (株)), then full case folding
 * as far as JavaScript has it (toLowerCase plus ß → ss, final sigma, dotless i, long s).
 *
 * @example
 * foldCase('ＴＯＫＡＩ Straße') // 'tokai strasse'
 */
export function foldCase(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/ß/g, 'ss').replace(/ς/g, 'σ').replace(/ı/g, 'i').replace(/ſ/g, 's');
}

/**
 * Step 2 — diacritics: combining marks are removed after Latin, Greek, Arabic (harakat) and Hebrew
 * letters, and kept elsewhere, where they change the letter (Cyrillic й, Japanese dakuten が, Hangul).
 *
 * @example
 * removeDiacritics('çelik müller') // 'celik muller'
 */
export function removeDiacritics(text: string): string {
  let out = '';
  let stripAfter = false;
  for (const c of text.normalize('NFD')) {
    if (/\p{M}/u.test(c)) {
      if (!stripAfter) out += c;
      continue;
    }
    stripAfter = STRIP_MARKS_AFTER.test(c);
    out += c;
  }
  return out.normalize('NFC');
}

/**
 * Step 3 — CJK legal forms, which are written without spaces: 株式会社, (株), 有限公司, 주식회사 …
 *
 * @example
 * removeCjkLegalForms('東海精密工業株式会社') // '東海精密工業'
 */
export function removeCjkLegalForms(text: string): string {
  let out = text;
  for (const form of CJK_LEGAL_FORMS) out = out.split(form).join(' ');
  out = out.trim();
  for (const word of CJK_TRAILING_WORDS) if (out.endsWith(word) && out.length > word.length) out = out.slice(0, -word.length);
  return out;
}

/**
 * Step 4 — punctuation: dots and apostrophes vanish (S.A. → sa, O'Neil → oneil), every other
 * punctuation or symbol separates words (Rolls-Royce → rolls royce, A&B → a b).
 *
 * @example
 * stripPunctuation("o'neil & co.") // 'oneil   co'
 */
export function stripPunctuation(text: string): string {
  return text.replace(/[.'’‘ʼʻ`´·]/gu, '').replace(/[\p{P}\p{S}]/gu, ' ');
}

/**
 * Step 6 — transliteration of one token to lower-case ASCII letters and digits (any-ascii).
 * Cyrillic, Greek, Arabic, Hangul and kana come out as readable romanisations; Han characters come
 * out as Mandarin pinyin, also in Japanese names (東海 → donghai, not tokai): see docs/drafts/screening.md.
 *
 * @example
 * transliterateToken('сергей') // 'sergey'
 */
export function transliterateToken(token: string): string {
  const latin = /^[a-z0-9]+$/.test(token) ? token : anyAscii(token).toLowerCase().replace(/[^a-z0-9]/g, '');
  return ROMANISATION_EQUIVALENTS[latin] ?? latin;
}

/** Words with two established romanisations that no letter rule relates (日本: Nihon and Nippon). */
const ROMANISATION_EQUIVALENTS: Readonly<Record<string, string>> = { nippon: 'nihon' };

const SYLLABIC = /[\p{Script=Han}\p{Script=Hangul}]/u;

/** Split Han and Hangul characters into words of their own; other runs (kana, Latin) stay together. */
function splitSyllabic(token: string): string[] {
  if (!SYLLABIC.test(token)) return [token];
  const out: string[] = [];
  let run = '';
  for (const c of token) {
    if (SYLLABIC.test(c)) {
      if (run) out.push(run);
      run = '';
      out.push(c);
    } else run += c;
  }
  if (run) out.push(run);
  return out;
}

function tokensOf(text: string): string[] {
  return text.split(/\s+/u).filter((t) => t.length > 0);
}

let legalFormSequences: string[][] | undefined;
function compiledLegalForms(): string[][] {
  if (!legalFormSequences) {
    const seen = new Set<string>();
    legalFormSequences = [];
    for (const phrase of LEGAL_FORM_PHRASES) {
      const seq = tokensOf(stripPunctuation(removeDiacritics(foldCase(phrase)))).map(transliterateToken).filter((t) => t.length > 0);
      const key = seq.join(' ');
      if (seq.length > 0 && !seen.has(key)) {
        seen.add(key);
        legalFormSequences.push(seq);
      }
    }
    legalFormSequences.sort((a, b) => b.length - a.length);
  }
  return legalFormSequences;
}

function matchesAt(tokens: readonly { latin: string }[], at: number, seq: readonly string[]): boolean {
  if (at < 0 || at + seq.length > tokens.length) return false;
  return seq.every((s, i) => tokens[at + i]?.latin === s);
}

/**
 * Step 7 — legal forms at the start or end of a name, repeatedly (GmbH & Co. KG, ООО, Co., Ltd.,
 * Kabushiki Kaisha, شركة … ذ.م.م). A name that is nothing but legal forms is kept as it is.
 *
 * @example
 * removeLegalForms(['ooo', 'romashka']) // ['romashka'] (tokens compared by their transliteration)
 */
export function removeLegalForms<T extends { latin: string }>(tokens: readonly T[]): T[] {
  const forms = compiledLegalForms();
  let start = 0;
  let end = tokens.length;
  let changed = true;
  while (changed && end > start) {
    changed = false;
    for (const seq of forms) {
      if (end - start > seq.length && matchesAt(tokens, end - seq.length, seq)) {
        end -= seq.length;
        changed = true;
        break;
      }
      if (end - start > seq.length && matchesAt(tokens, start, seq)) {
        start += seq.length;
        changed = true;
        break;
      }
    }
  }
  return tokens.slice(start, end);
}

function weightOf(latin: string): number {
  if (GENERIC_WORDS.has(latin)) return 0.3;
  return latin.length <= 2 ? 0.5 : 1;
}

/**
 * Normalise a name for matching: invisible characters out (flagged), NFKC and case folding,
 * diacritics, CJK legal forms, punctuation, look-alike letters (flagged), transliteration,
 * legal forms and function words. Word order is kept; comparisons ignore it where they should.
 *
 * @example
 * normalizeName('ООО «Ромашка»').tokens.map((t) => t.latin) // ['romashka']
 */
export function normalizeName(text: string): NameKey {
  const cleaned = cleanInvisible(text);
  const flags = [...cleaned.flags];
  const folded = stripPunctuation(removeCjkLegalForms(removeDiacritics(foldCase(cleaned.text))));
  const confusables = foldConfusables(tokensOf(folded).slice(0, MAX_TOKENS));
  flags.push(...confusables.flags);
  let tokens: NameToken[] = [];
  for (const native of confusables.tokens.flatMap(splitSyllabic).slice(0, MAX_TOKENS)) {
    const latin = transliterateToken(native);
    if (latin.length === 0) continue;
    const syllabic = SYLLABIC.test(native);
    tokens.push({
      native,
      latin,
      phon: phoneticKey(latin),
      cons: consonantSkeleton(latin),
      abjad: ABJAD.test(native),
      transliterated: NON_LATIN.test(native),
      syllabic,
      weight: syllabic ? 1 : weightOf(latin),
    });
  }
  const withoutForms = removeLegalForms(tokens);
  if (withoutForms.length > 0) tokens = withoutForms;
  const withoutStops = tokens.filter((t) => !STOP_WORDS.has(t.native));
  if (withoutStops.length > 0) tokens = withoutStops;
  const first = tokens.find((t) => t.transliterated);
  return first ? { text, tokens, flags, script: scriptFamily(first.native) } : { text, tokens, flags };
}
