import type { Code } from './codes.js';
import { XlicError } from './errors.js';

const B64URL = /^[A-Za-z0-9_-]*$/;
const B64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Strict, canonical base64url decoding (no padding, no whitespace, zero trailing bits); `code` is thrown on bad input. */
export function base64urlDecode(text: string, code: Code, what: string): Uint8Array {
  if (!B64URL.test(text) || text.length % 4 === 1) throw new XlicError(code, `${what} is not valid base64url`);
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
  return base64Decode(b64, code, what);
}

/** Strict, canonical base64 decoding (padding required when needed, no whitespace, zero trailing bits). */
export function base64Decode(text: string, code: Code, what: string): Uint8Array {
  if (!B64.test(text) || text.length % 4 !== 0 || !hasZeroPadBits(text)) throw new XlicError(code, `${what} is not valid base64`);
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

// Canonical encoding: the bits after the last whole byte must be zero (RFC 4648 section 3.5),
// otherwise several texts decode to the same bytes.
function hasZeroPadBits(b64: string): boolean {
  const pad = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  if (pad === 0) return true;
  const last = ALPHABET.indexOf(b64[b64.length - 1 - pad]!);
  return (last & (pad === 2 ? 0x0f : 0x03)) === 0;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** base64url without padding. */
export function base64urlEncode(bytes: Uint8Array): string {
  return base64Encode(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Standard base64 with padding. */
export function base64Encode(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** Lowercase hex SHA-256 of `bytes` (WebCrypto). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let s = '';
  for (const b of d) s += b.toString(16).padStart(2, '0');
  return s;
}
