import { XlicError } from '@xlic/core';

/** The RFC 9285 alphabet: exactly the QR code alphanumeric character set. */
export const BASE45_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

const VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE45_ALPHABET.length; i++) VALUES[BASE45_ALPHABET.charCodeAt(i)] = i;

/**
 * Base45-encode bytes (RFC 9285): two bytes become three characters, a trailing byte two.
 *
 * @example
 * encodeBase45(new TextEncoder().encode('AB')) // 'BB8'
 */
export function encodeBase45(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 1 < bytes.length; i += 2) {
    let n = bytes[i]! * 256 + bytes[i + 1]!;
    const c = n % 45;
    n = (n - c) / 45;
    const d = n % 45;
    const e = (n - d) / 45;
    out += BASE45_ALPHABET[c]! + BASE45_ALPHABET[d]! + BASE45_ALPHABET[e]!;
  }
  if (i < bytes.length) {
    const n = bytes[i]!;
    out += BASE45_ALPHABET[n % 45]! + BASE45_ALPHABET[Math.floor(n / 45)]!;
  }
  return out;
}

/**
 * Decode Base45 text (RFC 9285). Throws XlicError QR_MALFORMED on characters outside the alphabet,
 * a dangling single character, or a group whose value does not fit its bytes.
 *
 * @example
 * new TextDecoder().decode(decodeBase45('QED8WEX0')) // 'ietf!'
 */
export function decodeBase45(text: string): Uint8Array {
  if (text.length % 3 === 1) throw new XlicError('QR_MALFORMED', `Base45 text of length ${text.length} has a dangling character`);
  const out = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0));
  const value = (i: number): number => {
    const code = text.charCodeAt(i);
    const v = code < 128 ? VALUES[code]! : -1;
    if (v < 0) throw new XlicError('QR_MALFORMED', `character ${JSON.stringify(text[i])} at offset ${i} is not Base45`);
    return v;
  };
  let o = 0;
  let i = 0;
  for (; i + 2 < text.length; i += 3) {
    const n = value(i) + value(i + 1) * 45 + value(i + 2) * 2025;
    if (n > 0xffff) throw new XlicError('QR_MALFORMED', `Base45 group at offset ${i} has value ${n}, above 65535`);
    out[o++] = n >> 8;
    out[o++] = n & 0xff;
  }
  if (i < text.length) {
    const n = value(i) + value(i + 1) * 45;
    if (n > 0xff) throw new XlicError('QR_MALFORMED', `final Base45 pair at offset ${i} has value ${n}, above 255`);
    out[o++] = n;
  }
  return out;
}
