/**
 * Words that say what kind of legal person a party is, not which one. They are removed from both
 * sides before names are compared (at the start or end of a name only, so a "Co" inside a name stays).
 * Written as they appear; compiled into normalised, transliterated token sequences at first use.
 */
export const LEGAL_FORM_PHRASES: readonly string[] = [
  // German, Austrian, Swiss
  'GmbH', 'AG', 'KG', 'OHG', 'UG', 'mbH', 'e.V.', 'KGaA', 'GmbH & Co. KG', 'Gesellschaft mit beschränkter Haftung', 'Aktiengesellschaft',
  // English
  'LLC', 'L.L.C.', 'LLP', 'LP', 'Inc', 'Incorporated', 'Ltd', 'Limited', 'Co', 'Corp', 'Corporation', 'Company', 'PLC', 'PLLC',
  'Limited Liability Company', 'Joint Stock Company', 'Public Joint Stock Company', 'Closed Joint Stock Company', 'Open Joint Stock Company',
  'JSC', 'PJSC', 'OJSC', 'CJSC', 'Pte', 'Pty', 'Sdn', 'Bhd', 'Tbk', 'FZE', 'FZCO', 'FZC', 'FZ-LLC', 'WLL', 'SPC', 'SAOC', 'PSC',
  // Romance languages
  'SA', 'S.A.', 'SAS', 'SASU', 'SARL', 'SNC', 'SpA', 'S.p.A.', 'Srl', 'S.r.l.', 'SL', 'SLU', 'SAU', 'Ltda', 'EIRELI', 'Cia', 'Société anonyme', 'Sociedad Anónima',
  // Dutch, Nordic, Central/Eastern European
  'BV', 'B.V.', 'NV', 'N.V.', 'VOF', 'AB', 'AS', 'ASA', 'Oy', 'Oyj', 'ApS', 'A/S', 'sro', 's.r.o.', 'Kft', 'Zrt', 'Nyrt', 'doo', 'd.o.o.', 'dd', 'AD', 'EAD', 'EOOD', 'Sp. z o.o.',
  // Turkish
  'A.Ş.', 'Ltd. Şti.', 'Şti',
  // Russian, Ukrainian, Belarusian (and their romanisations)
  'ООО', 'OOO', 'АО', 'AO', 'ОАО', 'OAO', 'ЗАО', 'ZAO', 'ПАО', 'PAO', 'НАО', 'ТОВ', 'ПрАТ', 'ПАТ', 'ОДО', 'ЧУП', 'УП', 'ФГУП', 'ГУП', 'ИП',
  'Общество с ограниченной ответственностью', 'Акционерное общество', 'Публичное акционерное общество', 'Закрытое акционерное общество',
  'Открытое акционерное общество', 'Товариство з обмеженою відповідальністю',
  // Japanese, Chinese, Korean romanisations
  'Kabushiki Kaisha', 'Kabushiki Gaisha', 'K.K.', 'KK', 'Yugen Kaisha', 'Godo Kaisha', 'Youxian Gongsi', 'Gufen Youxian Gongsi', 'Chusik Hoesa', 'Jusik Hoesa',
  // Arabic (company, LLC, closed and public joint-stock company)
  'شركة', 'ذ.م.م', 'ش.م.م', 'ش.م.ع', 'ش.م.ع.ع', 'ش.م.ب', 'ش.ذ.م.م', 'ش.ش.و',
];

/**
 * Legal forms written without spaces in CJK names (prefix or suffix), removed as substrings after NFKC
 * (which turns ㈱ into (株) and ㈜ into (주)). Longest first.
 */
export const CJK_LEGAL_FORMS: readonly string[] = [
  '股份有限公司', '有限责任公司', '有限責任公司', '株式会社', '有限会社', '合同会社', '合資会社', '合名会社', '有限公司', '유한책임회사',
  '주식회사', '유한회사', '(株)', '(有)', '(주)', '(유)',
];

/** Removed only at the end of a CJK name: "company" and "group" are generic there. */
export const CJK_TRAILING_WORDS: readonly string[] = ['公司', '集团', '集團'];

/** Words too common in company names to tell two parties apart: they weigh little in the score. */
export const GENERIC_WORDS: ReadonlySet<string> = new Set([
  'trading', 'trade', 'traders', 'group', 'holding', 'holdings', 'international', 'intl', 'industries', 'industry', 'industrial',
  'technologies', 'technology', 'tech', 'engineering', 'enterprises', 'enterprise', 'services', 'service', 'general', 'import', 'export',
  'global', 'solutions', 'systems', 'manufacturing', 'products', 'logistics', 'partners', 'kogyo', 'sangyo', 'shoji', 'boeki',
  'seisakusho', 'sanayi', 'san', 'ticaret', 'tic', 'zavod', 'kombinat', 'establishment', 'est', 'muassasa', 'handels', 'handel', 'gesellschaft', 'industrie', 'societe', 'compagnie', 'firma', 'company',
]);

/** Function words dropped from names ("and", "of", "&"…), unless nothing else is left. */
export const STOP_WORDS: ReadonlySet<string> = new Set(['and', 'und', 'et', 've', 'of', 'the', 'de', 'des', 'du', 'la', 'le', 'les', 'и', 'y']);
