import { distance } from 'fastest-levenshtein';
import type { NameKey, NameToken } from './normalize-name.js';

/** Which rule made a match, strongest first. */
export type MatchRule = 'identifier' | 'exact-normalised' | 'token-sort' | 'transliteration' | 'fuzzy';

/** The outcome of comparing two normalised names. */
export interface NameComparison {
  /** 0..1; 1 is identical after normalisation. */
  score: number;
  rule: Exclude<MatchRule, 'identifier'>;
  /** One line saying what was compared and what agreed. */
  detail: string;
}

/**
 * Default hit threshold: a name comparison scoring at or above it is a hit. Chosen on the evaluation
 * set (examples/screening/eval-pairs.json, docs/drafts/screening.md §5).
 */
export const MATCH_THRESHOLD = 0.85;

/** Scores of the rules that do not compute a similarity. */
export const RULE_SCORES = { identifier: 1, exactNormalised: 1, spacing: 0.97, tokenSort: 0.98, transliteration: 0.95, fuzzyCeiling: 0.94 } as const;

/** Similarity of two strings from their Levenshtein distance: 1 - d / longer length. */
export function editSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 0;
  return 1 - distance(a, b) / longer;
}

/**
 * Similarity of two words: edit similarity of their transliterations, raised to 0.92 when their
 * sound-alike keys agree (3+ letters) or to 0.95 × the similarity of those keys, and for abjad words compared on consonant skeletons.
 */
export function tokenSimilarity(a: NameToken, b: NameToken): number {
  if (a.latin === b.latin) return 1;
  // One Han or Hangul character is a word of its own: the same character (or reading) or nothing.
  if (a.syllabic || b.syllabic) return 0;
  let s = isTransposition(a.latin, b.latin) ? 1 - 1 / a.latin.length : editSimilarity(a.latin, b.latin);
  if (isAbbreviation(a.latin, b.latin)) s = Math.max(s, 0.85);
  if (a.phon === b.phon && a.phon.length >= 3) s = Math.max(s, 0.92);
  else if (a.phon.length >= 4 && b.phon.length >= 4) s = Math.max(s, 0.95 * editSimilarity(a.phon, b.phon));
  if (a.abjad !== b.abjad && a.cons.length >= 2) {
    if (a.cons === b.cons) s = Math.max(s, a.cons.length >= 3 ? 0.92 : 0.85);
    else s = Math.max(s, 0.9 * editSimilarity(a.cons, b.cons));
  }
  return s;
}

/** Same letters with two neighbours swapped (Levenshtein counts that as two edits; people as one). */
function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** "est" for "establishment", "san" for "sanayi": a word of 3+ letters cut short with a dot. */
function isAbbreviation(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= 3 && short.length <= 4 && long.length >= short.length + 3 && long.startsWith(short);
}

/** Weak word similarities count quadratically less: two different words are not two-thirds of a match. */
const damp = (s: number): number => (s >= 0.8 ? s : s * s);

const sameSequence = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
const sorted = (a: readonly string[]): string[] => [...a].sort();

interface Alignment {
  score: number;
  /** When every listed word is found (≥ 0.88) in the candidate, 0.9 × their mean similarity; else 0. */
  containment: number;
}

/** Align words one to one, best pairs first; score = matched weight / total weight on both sides. */
function alignTokens(listed: readonly NameToken[], candidate: readonly NameToken[]): Alignment {
  const pairs: Array<{ i: number; j: number; s: number }> = [];
  for (let i = 0; i < listed.length; i++) {
    for (let j = 0; j < candidate.length; j++) {
      const s = tokenSimilarity(listed[i] as NameToken, candidate[j] as NameToken);
      if (s >= 0.5) pairs.push({ i, j, s });
    }
  }
  pairs.sort((x, y) => y.s - x.s);
  const usedI = new Set<number>();
  const usedJ = new Set<number>();
  let matched = 0;
  let strong = 0;
  let strongSum = 0;
  for (const p of pairs) {
    if (usedI.has(p.i) || usedJ.has(p.j)) continue;
    usedI.add(p.i);
    usedJ.add(p.j);
    const a = listed[p.i] as NameToken;
    const b = candidate[p.j] as NameToken;
    matched += damp(p.s) * (a.weight + b.weight);
    if (p.s >= 0.88) {
      strong++;
      strongSum += p.s;
    }
  }
  const total = listed.reduce((n, t) => n + t.weight, 0) + candidate.reduce((n, t) => n + t.weight, 0);
  const distinctive = listed.filter((t) => t.weight === 1).length;
  // Every listed word found in the candidate (2+ distinctive ones): the candidate extends a listed name.
  const containment = distinctive >= 2 && strong === listed.length ? 0.9 * (strongSum / listed.length) : 0;
  return { score: total === 0 ? 0 : matched / total, containment };
}

/**
 * Compare a listed name with a candidate name. Rules, in order: exact-normalised (same words in the
 * same order; also same letters with different word breaks, 0.97), token-sort (same words, any order,
 * 0.98), transliteration (same words once both are in Latin letters, 0.95), fuzzy (best of word
 * alignment; letters and sound-alike keys without spaces when words are broken differently;
 * consonant skeletons between abjad and other scripts; containment; at most 0.94).
 *
 * @example
 * compareNames(normalizeName('Tokai Seimitsu Kogyo'), normalizeName('Kogyo Tokai Seimitsu')).rule // 'token-sort'
 */
export function compareNames(listed: NameKey, candidate: NameKey): NameComparison {
  const a = listed.tokens;
  const b = candidate.tokens;
  if (a.length === 0 || b.length === 0) return { score: 0, rule: 'fuzzy', detail: 'a name is empty after normalisation' };
  const nativeA = a.map((t) => t.native);
  const nativeB = b.map((t) => t.native);
  if (sameSequence(nativeA, nativeB)) return { score: RULE_SCORES.exactNormalised, rule: 'exact-normalised', detail: `same words after normalisation: "${nativeA.join(' ')}"` };
  if (sameSequence(sorted(nativeA), sorted(nativeB))) return { score: RULE_SCORES.tokenSort, rule: 'token-sort', detail: `same words in another order: "${sorted(nativeA).join(' ')}"` };
  const latinA = a.map((t) => t.latin);
  const latinB = b.map((t) => t.latin);
  const transliterated = a.some((t) => t.transliterated) || b.some((t) => t.transliterated);
  if (sameSequence(latinA, latinB) || sameSequence(sorted(latinA), sorted(latinB))) {
    if (transliterated) return { score: RULE_SCORES.transliteration, rule: 'transliteration', detail: `same words once transliterated: "${latinA.join(' ')}"` };
    const inOrder = sameSequence(latinA, latinB);
    return inOrder
      ? { score: RULE_SCORES.exactNormalised, rule: 'exact-normalised', detail: `same words after normalisation: "${latinA.join(' ')}"` }
      : { score: RULE_SCORES.tokenSort, rule: 'token-sort', detail: `same words in another order: "${sorted(latinA).join(' ')}"` };
  }
  const joinedA = latinA.join('');
  const joinedB = latinB.join('');
  if (joinedA === joinedB) {
    return transliterated
      ? { score: RULE_SCORES.transliteration, rule: 'transliteration', detail: `same letters once transliterated, different word breaks: "${joinedA}"` }
      : { score: RULE_SCORES.spacing, rule: 'exact-normalised', detail: `same letters, different word breaks: "${joinedA}"` };
  }
  return fuzzyCompare(listed, candidate, transliterated);
}

function fuzzyCompare(listed: NameKey, candidate: NameKey, transliterated: boolean): NameComparison {
  const a = listed.tokens;
  const b = candidate.tokens;
  const align = alignTokens(a, b);
  const signals: Array<[number, string]> = [
    [align.score, 'word alignment'],
    [align.containment, 'all listed words contained'],
  ];
  // Whole-string comparisons only where words are broken differently (Alnoor / Al Noor, Hua Xin / Huaxin):
  // elsewhere a long shared word would carry a different distinctive word along.
  if (a.length !== b.length) {
    signals.push([editSimilarity(a.map((t) => t.latin).join(''), b.map((t) => t.latin).join('')), 'letters without spaces']);
    signals.push([0.95 * editSimilarity(a.map((t) => t.phon).join(''), b.map((t) => t.phon).join('')), 'sound-alike keys without spaces']);
  }
  if (a.some((t) => t.abjad) !== b.some((t) => t.abjad)) {
    const consA = a.map((t) => t.cons).join('');
    const consB = b.map((t) => t.cons).join('');
    if (consA.length >= 3) signals.push([0.92 * editSimilarity(consA, consB), 'consonant skeletons']);
  }
  let best = signals[0] as [number, string];
  for (const s of signals) if (s[0] > best[0]) best = s;
  const score = Math.min(RULE_SCORES.fuzzyCeiling, Math.round(best[0] * 1000) / 1000);
  const via = transliterated ? ' after transliteration' : '';
  return { score, rule: 'fuzzy', detail: `similar by ${best[1]}${via}: "${a.map((t) => t.latin).join(' ')}" ~ "${b.map((t) => t.latin).join(' ')}"` };
}
