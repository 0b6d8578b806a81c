import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkParty, leiChecksumValid } from '../../src/semantic/party.js';
import { example, PARTY } from '../fixtures.js';

/** Independent reference: the whole LEI as one big integer, mod 97 must be 1 (ISO 7064 MOD 97-10). */
function referenceLei(lei: string): boolean {
  const digits = [...lei].map((c) => (/[0-9]/.test(c) ? c : String(c.charCodeAt(0) - 55))).join('');
  return BigInt(digits) % 97n === 1n;
}

/** Check digits for an 18-character LEI prefix, computed with BigInt. */
function withCheckDigits(prefix: string): string {
  const digits = [...(prefix + '00')].map((c) => (/[0-9]/.test(c) ? c : String(c.charCodeAt(0) - 55))).join('');
  return prefix + String(98n - (BigInt(digits) % 97n)).padStart(2, '0');
}

const lei18 = fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: 18, maxLength: 18 });

describe('leiChecksumValid', () => {
  it('accepts published LEIs', () => {
    // GLEIF's own LEI, and the example from the function's documentation
    expect(leiChecksumValid('506700GE1G29325QX363')).toBe(true);
    expect(leiChecksumValid('5493001KJTIIGC8Y1R12')).toBe(true);
  });
  it('rejects a changed check digit or a changed character', () => {
    expect(leiChecksumValid('506700GE1G29325QX364')).toBe(false);
    expect(leiChecksumValid('506700GE1G29325QX463')).toBe(false);
    expect(leiChecksumValid('5493001KJTIIGC8Y1R21')).toBe(false);
  });
  it('agrees with a BigInt reference implementation on random LEIs', () => {
    fc.assert(
      fc.property(lei18, fc.integer({ min: 0, max: 99 }), (prefix, check) => {
        const lei = prefix + String(check).padStart(2, '0');
        expect(leiChecksumValid(lei)).toBe(referenceLei(lei));
      }),
      { numRuns: 2000 },
    );
  });
  it('accepts every LEI with computed check digits, and detects any single substitution', () => {
    fc.assert(
      fc.property(lei18, fc.nat(19), fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'), (prefix, at, ch) => {
        const lei = withCheckDigits(prefix);
        expect(leiChecksumValid(lei)).toBe(true);
        const changed = lei.slice(0, at) + ch + lei.slice(at + 1);
        if (changed !== lei && /^[0-9]*$/.test(lei[at]! + ch)) expect(leiChecksumValid(changed)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('checkParty', () => {
  it('passes a party whose LEIs have valid check digits', () => {
    expect(checkParty(example(PARTY), '')).toEqual([]);
  });
  it('reports LEI_CHECKSUM at the identifier value, under the given base', () => {
    const p = example(PARTY);
    p.identifiers[1].value = p.identifiers[1].value.slice(0, 18) + '00';
    expect(checkParty(p, '/endUsers/0')).toEqual([
      expect.objectContaining({ code: 'LEI_CHECKSUM', path: '/endUsers/0/identifiers/1/value', severity: 'error' }),
    ]);
  });
  it('ignores other schemes and LEIs of the wrong shape (the schema reports those)', () => {
    const p = example(PARTY);
    p.identifiers = [{ scheme: 'DUNS', value: '081466849' }, { scheme: 'LEI', value: 'not-an-lei' }, { scheme: 'VAT', value: '506700GE1G29325QX364' }];
    expect(checkParty(p, '')).toEqual([]);
  });
  it('passes a party without identifiers', () => {
    const p = example(PARTY);
    delete p.identifiers;
    expect(checkParty(p, '')).toEqual([]);
  });
});
