import { describe, expect, it } from 'vitest';
import { decodeBase45, encodeBase45 } from '../src/base45.js';

const enc = (s: string) => encodeBase45(new TextEncoder().encode(s));
const dec = (s: string) => new TextDecoder().decode(decodeBase45(s));

describe('Base45 (RFC 9285)', () => {
  it('encodes the RFC examples', () => {
    expect(enc('AB')).toBe('BB8'); // §4.3
    expect(enc('Hello!!')).toBe('%69 VD92EX0'); // §4.3
    expect(enc('base-45')).toBe('UJCLQE7W581'); // §4.3
    expect(enc('ietf!')).toBe('QED8WEX0'); // §4.4
  });

  it('decodes the RFC examples', () => {
    expect(dec('QED8WEX0')).toBe('ietf!');
    expect(dec('%69 VD92EX0')).toBe('Hello!!');
    expect(dec('BB8')).toBe('AB');
  });

  it('round-trips all byte values and odd lengths', () => {
    const bytes = Uint8Array.from({ length: 257 }, (_, i) => (i * 7) & 0xff);
    for (const n of [0, 1, 2, 3, 255, 256, 257]) expect(decodeBase45(encodeBase45(bytes.subarray(0, n)))).toEqual(bytes.subarray(0, n));
    expect(decodeBase45(encodeBase45(new Uint8Array([0xff, 0xff])))).toEqual(new Uint8Array([0xff, 0xff]));
  });

  it('refuses invalid input with QR_MALFORMED', () => {
    expect(() => decodeBase45('GGW')).toThrow(expect.objectContaining({ code: 'QR_MALFORMED' })); // 65536: RFC §6
    expect(() => decodeBase45('A')).toThrow(expect.objectContaining({ code: 'QR_MALFORMED' }));
    expect(() => decodeBase45('ab8')).toThrow(expect.objectContaining({ code: 'QR_MALFORMED' })); // lower case is not Base45
    expect(() => decodeBase45(':::')).toThrow(expect.objectContaining({ code: 'QR_MALFORMED' }));
    expect(() => decodeBase45('::')).toThrow(expect.objectContaining({ code: 'QR_MALFORMED' })); // 2024 > 255
  });
});
