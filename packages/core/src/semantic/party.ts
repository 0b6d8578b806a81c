import { finding, warning, type Finding } from '../finding.js';
import type { Party } from '../generated/types.js';
import { pointer } from '../pointer.js';

/**
 * ISO 17442 LEI check digits: ISO 7064 MOD 97-10 over the 20 characters, letters as 10..35.
 * @example leiChecksumValid('5493001KJTIIGC8Y1R12') // true
 */
export function leiChecksumValid(lei: string): boolean {
  let remainder = 0;
  for (const ch of lei) {
    const digits = /[0-9]/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1;
}

/** Semantic checks on one party at `base` (a JSON Pointer). */
export function checkParty(party: Party, base: string): Finding[] {
  const out: Finding[] = [];
  party.identifiers?.forEach((id, i) => {
    if (id.scheme === 'LEI' && /^[A-Z0-9]{18}[0-9]{2}$/.test(id.value) && !leiChecksumValid(id.value)) {
      out.push(finding('LEI_CHECKSUM', base + pointer('identifiers', i, 'value'), `${base + pointer('identifiers', i, 'value')} LEI ${id.value} has wrong check digits`));
    }
  });
  for (const field of ['legalName', 'legalNameLatin'] as const) {
    const value = party[field];
    const why = value === undefined ? undefined : suspiciousCharacters(value);
    if (why) out.push(warning('PARTY_NAME_SUSPICIOUS_CHARACTERS', `${base}/${field}`, `${base}/${field} ${JSON.stringify(value)} contains ${why}; the name may not read as it looks`));
  }
  return out;
}

// Bidi embeddings, overrides, isolates and marks (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C).
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;
// Zero-width space, non-joiner, joiner, word joiner, and the BOM used as zero-width no-break space.
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/u;
const LATIN = /\p{Script=Latin}/u;
const LOOKALIKE_SCRIPTS = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;

/**
 * Why a name may display differently from what it is, or undefined: bidi control characters,
 * zero-width characters, or a word mixing Latin letters with Cyrillic or Greek ones (confusables).
 * @example suspiciousCharacters('R\u043Esneft') // 'a word mixing Latin with Cyrillic or Greek letters ("Rоsneft")'
 */
export function suspiciousCharacters(name: string): string | undefined {
  const reasons: string[] = [];
  if (BIDI.test(name)) reasons.push('bidirectional control characters');
  if (ZERO_WIDTH.test(name)) reasons.push('zero-width characters');
  const mixed = name.split(/[^\p{L}\p{M}]+/u).find((w) => LATIN.test(w) && LOOKALIKE_SCRIPTS.test(w));
  if (mixed !== undefined) reasons.push(`a word mixing Latin with Cyrillic or Greek letters (${JSON.stringify(mixed.slice(0, 40))})`);
  return reasons.length ? reasons.join(', ') : undefined;
}
