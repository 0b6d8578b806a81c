import { finding, type Finding } from '../finding.js';
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
  return out;
}
