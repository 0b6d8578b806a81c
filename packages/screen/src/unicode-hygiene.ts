/** Something suspicious about how a name is written; reported with the hits, never silently dropped. */
export interface NameFlag {
  kind: 'bidi-control' | 'invisible-character' | 'control-character' | 'mixed-script' | 'confusable-characters' | 'truncated';
  message: string;
}

/** Longest name (in code points) that is matched; longer input is cut and flagged. Party names are ≤ 300. */
export const MAX_NAME_LENGTH = 1000;

// Bidi embeddings/overrides/isolates and marks: they reorder what a reviewer sees, never part of a name.
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
// Zero-width and other invisible format characters (ZWJ/ZWNJ carry no meaning for matching either).
const INVISIBLE = /[\u00AD\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180E\u200B-\u200D\u2060-\u2064\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/gu;
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/gu;
const WHITESPACE_CONTROL = /[\t\n\v\f\r]/gu;

/**
 * Remove characters that change how a name looks or reads without being part of it, and say which.
 *
 * @example
 * cleanInvisible('Acme\u200B Corp\u202E').text // 'Acme Corp', flags: invisible-character, bidi-control
 */
export function cleanInvisible(input: string): { text: string; flags: NameFlag[] } {
  const flags: NameFlag[] = [];
  let text = input;
  const cps = Array.from(text);
  if (cps.length > MAX_NAME_LENGTH) {
    text = cps.slice(0, MAX_NAME_LENGTH).join('');
    flags.push({ kind: 'truncated', message: `name has ${cps.length} characters; only the first ${MAX_NAME_LENGTH} were matched` });
  }
  if (text.search(BIDI) >= 0) flags.push({ kind: 'bidi-control', message: 'name contains bidirectional control characters (they can make it display differently from what it is)' });
  if (text.search(INVISIBLE) >= 0) flags.push({ kind: 'invisible-character', message: 'name contains zero-width or other invisible characters' });
  if (text.search(CONTROL) >= 0) flags.push({ kind: 'control-character', message: 'name contains control characters' });
  text = text.replace(BIDI, '').replace(INVISIBLE, '').replace(CONTROL, '').replace(WHITESPACE_CONTROL, ' ');
  return { text, flags };
}

// Cyrillic and Greek letters (lower case, after case folding) that render like a Latin letter.
const CONFUSABLE_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', һ: 'h', ӏ: 'l', ь: 'b',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', μ: 'm', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ζ: 'z',
};
const LATIN = /\p{Script=Latin}/u;
const CYRL_GREEK = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;

/** True when every letter of `token` is a Cyrillic or Greek look-alike of a Latin letter. */
function allConfusable(token: string): boolean {
  return Array.from(token).every((c) => CONFUSABLE_TO_LATIN[c] !== undefined);
}

/**
 * Fold Cyrillic/Greek look-alikes to Latin in tokens that mix them with Latin letters, or in
 * all-look-alike tokens of a name that is otherwise Latin (`Аcme`, `РayPal`): the spoofed name is
 * matched as the Latin name it imitates, and flagged. Tokens must already be case folded.
 *
 * @example
 * foldConfusables(['gаzprom']) // { tokens: ['gazprom'], flags: [mixed-script] }
 */
export function foldConfusables(tokens: readonly string[]): { tokens: string[]; flags: NameFlag[] } {
  const flags: NameFlag[] = [];
  const nameHasLatin = tokens.some((t) => LATIN.test(t));
  const out = tokens.map((t) => {
    const mixed = LATIN.test(t) && CYRL_GREEK.test(t);
    const disguised = !mixed && nameHasLatin && CYRL_GREEK.test(t) && allConfusable(t);
    if (!mixed && !disguised) return t;
    const folded = Array.from(t, (c) => CONFUSABLE_TO_LATIN[c] ?? c).join('');
    flags.push({
      kind: mixed ? 'mixed-script' : 'confusable-characters',
      message: mixed
        ? `"${t}" mixes Latin with Cyrillic or Greek letters that look alike`
        : `"${t}" is written in Cyrillic or Greek letters that look like Latin ones, inside a Latin name`,
    });
    // Fold only when that yields a Latin word; a Cyrillic word with one stray Latin letter stays Cyrillic.
    return CYRL_GREEK.test(folded) ? t : folded;
  });
  return { tokens: out, flags };
}
