import { XlicError } from '@xlic/core';

/**
 * The payload bytes of a JWS (compact `h.p.s` or JSON serialization), without verifying anything.
 * Throws XlicError PDF_MALFORMED when the text is neither.
 */
export function jwsPayloadBytes(jws: string): Uint8Array {
  let payload: unknown;
  if (jws.trimStart().startsWith('{')) {
    try {
      payload = (JSON.parse(jws) as { payload?: unknown }).payload;
    } catch (e) {
      throw new XlicError('PDF_MALFORMED', 'JSON-serialized JWS is not valid JSON', { cause: e });
    }
  } else {
    const parts = jws.split('.');
    if (parts.length === 3) payload = parts[1];
  }
  if (typeof payload !== 'string' || !/^[A-Za-z0-9_-]*$/.test(payload)) throw new XlicError('PDF_MALFORMED', 'not a JWS: no base64url payload');
  return base64UrlDecode(payload);
}

function base64UrlDecode(s: string): Uint8Array {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
