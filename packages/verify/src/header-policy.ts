import { FORBIDDEN_HEADER_PARAMETERS, UNDERSTOOD_CRITICAL, XlicError, isAllowedAlgorithm, kindOfTyp, type SignatureAlgorithm, type SignedKind } from '@xlic/core';
import { base64Decode } from '@xlic/core';

/** A protected header that passed the xlic JWS profile. */
export interface CheckedHeader {
  alg: SignatureAlgorithm;
  kind: SignedKind;
  typ: string;
  /** DER certificates from x5c, signer first. */
  chain: Uint8Array[];
  /** The x5c strings as received: a cheap identity for caches. */
  x5c: string[];
  signingTime: Date;
}

/** Longest x5c accepted (signer plus intermediates; the root comes from the trust list). */
export const MAX_X5C = 4;

/**
 * Enforce the xlic header profile on one protected header: allow-listed `alg` (never `none`,
 * never HMAC), a known `typ` (equal to `expected` when given), no `crit` xlic does not understand,
 * no header parameter that names a key by itself (jwk, jku, x5u), an `x5c` chain and a numeric `iat`.
 * Throws XlicError(JWS_*) naming the first violation.
 */
export function checkHeader(header: Record<string, unknown>, expected?: SignedKind): CheckedHeader {
  const alg = header['alg'];
  if (!isAllowedAlgorithm(alg)) {
    const why = alg === 'none' ? 'unsigned JWS (alg "none")' : typeof alg === 'string' && /^HS/.test(alg) ? `HMAC algorithm ${alg} (a shared secret is never a signature)` : `algorithm ${JSON.stringify(alg)?.slice(0, 30)}`;
    throw new XlicError('JWS_ALG_NOT_ALLOWED', `${why} is not allowed; xlic accepts ES256, ES384, EdDSA and PS256`);
  }
  const typ = header['typ'];
  if (typ === undefined) throw new XlicError('JWS_TYP_MISSING', 'JWS header has no "typ"; xlic requires it to tell document kinds apart');
  const kind = kindOfTyp(typ);
  if (!kind) throw new XlicError('JWS_TYP_MISMATCH', `JWS "typ" ${JSON.stringify(typ).slice(0, 60)} is not an xlic document type`);
  if (expected && kind !== expected) throw new XlicError('JWS_TYP_MISMATCH', `expected a signed ${expected} but the JWS "typ" says ${String(typ)}`);
  if (header['crit'] !== undefined) {
    const crit = header['crit'];
    if (!Array.isArray(crit) || crit.length === 0 || !crit.every((c) => typeof c === 'string')) throw new XlicError('JWS_CRIT_UNSUPPORTED', '"crit" must be a non-empty array of strings, and xlic understands no critical parameters');
    const unknown = crit.filter((c) => !UNDERSTOOD_CRITICAL.includes(c as string));
    if (unknown.length) throw new XlicError('JWS_CRIT_UNSUPPORTED', `critical header parameter ${unknown.map(String).join(', ').slice(0, 80)} is not understood`);
  }
  for (const p of FORBIDDEN_HEADER_PARAMETERS) {
    if (p in header) throw new XlicError('JWS_HEADER_FORBIDDEN', `header parameter "${p}" is not allowed: the signer key comes only from the x5c chain validated against trust lists`);
  }
  if (header['b64'] !== undefined) throw new XlicError('JWS_HEADER_FORBIDDEN', 'header parameter "b64" is not allowed');
  const x5c = header['x5c'];
  if (x5c === undefined) throw new XlicError('JWS_X5C_MISSING', 'JWS header has no "x5c" certificate chain');
  if (!Array.isArray(x5c) || x5c.length === 0 || x5c.length > MAX_X5C || !x5c.every((c) => typeof c === 'string' && c.length > 0 && c.length <= 16384)) {
    throw new XlicError('JWS_HEADER_INVALID', `"x5c" must be an array of 1 to ${MAX_X5C} base64 certificates`);
  }
  const chain = x5c.map((c, i) => base64Decode(c as string, 'JWS_HEADER_INVALID', `x5c[${i}]`));
  const iat = header['iat'];
  if (typeof iat !== 'number' || !Number.isInteger(iat) || iat < 0 || iat > 253402300799) throw new XlicError('JWS_IAT_INVALID', 'JWS header "iat" (signing time) must be a whole number of seconds since 1970');
  return { alg, kind, typ: typ as string, chain, x5c: x5c as string[], signingTime: new Date(iat * 1000) };
}
