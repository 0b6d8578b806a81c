import { describe, expect, it } from 'vitest';
import { isXlicError } from '@xlic/core';
import { MAX_X5C, checkHeader } from '../src/header-policy.js';

const CERT = Buffer.from('not really a certificate, checkHeader only decodes it').toString('base64');
const OK = { alg: 'ES256', typ: 'xlic-license+jws', x5c: [CERT], iat: 1_795_000_000 };

function codeOf(header: Record<string, unknown>, expected?: Parameters<typeof checkHeader>[1]): string {
  try {
    checkHeader(header, expected);
  } catch (e) {
    if (!isXlicError(e)) throw e;
    return e.code;
  }
  return 'accepted';
}

describe('checkHeader: accepted headers', () => {
  it('returns alg, kind, typ, the decoded chain and the signing time', () => {
    const h = checkHeader({ ...OK, x5c: [CERT, Buffer.from([1, 2, 3]).toString('base64')] });
    expect(h).toEqual({
      alg: 'ES256',
      kind: 'license',
      typ: 'xlic-license+jws',
      chain: [new Uint8Array(Buffer.from(CERT, 'base64')), new Uint8Array([1, 2, 3])],
      x5c: [CERT, Buffer.from([1, 2, 3]).toString('base64')],
      signingTime: new Date(1_795_000_000_000),
    });
  });

  it.each(['ES256', 'ES384', 'EdDSA', 'PS256'])('accepts %s', (alg) => {
    expect(checkHeader({ ...OK, alg }).alg).toBe(alg);
  });

  it.each([
    ['xlic-license+jws', 'license'],
    ['xlic-declaration+jws', 'end-use-declaration'],
    ['xlic-trust-list+jws', 'trust-list'],
    ['xlic-status-list+jws', 'status-list'],
    ['xlic-bundle+jws', 'bundle'],
  ])('maps typ %s to kind %s', (typ, kind) => {
    expect(checkHeader({ ...OK, typ }).kind).toBe(kind);
    expect(checkHeader({ ...OK, typ }, kind as 'license').kind).toBe(kind);
  });

  it('ignores harmless extra parameters (kid, x5t#S256)', () => {
    expect(codeOf({ ...OK, kid: 'k1', 'x5t#S256': 'abc' })).toBe('accepted');
  });
});

describe('checkHeader: one code per violation', () => {
  it.each([
    ['none', 'none'],
    ['HS256', 'HS256'],
    ['HS512', 'HS512'],
    ['RS256', 'RS256'],
    ['ES512', 'ES512'],
    ['unknown name', 'XYZ'],
    ['lower case', 'es256'],
    ['missing', undefined],
    ['a number', 256],
    ['an array', ['ES256']],
  ])('JWS_ALG_NOT_ALLOWED: alg %s', (_, alg) => {
    expect(codeOf({ ...OK, alg })).toBe('JWS_ALG_NOT_ALLOWED');
  });

  it('names the problem of alg none and HMAC in the message', () => {
    expect(() => checkHeader({ ...OK, alg: 'none' })).toThrow(/unsigned JWS/);
    expect(() => checkHeader({ ...OK, alg: 'HS256' })).toThrow(/HMAC/);
  });

  it('JWS_TYP_MISSING when typ is absent', () => {
    const { typ: _, ...rest } = OK;
    expect(codeOf(rest)).toBe('JWS_TYP_MISSING');
  });

  it.each([['JWT'], ['application/xlic-license+jws'], ['XLIC-LICENSE+JWS'], [''], [null], [42]])('JWS_TYP_MISMATCH: unknown typ %j', (typ) => {
    expect(codeOf({ ...OK, typ })).toBe('JWS_TYP_MISMATCH');
  });

  it('JWS_TYP_MISMATCH when the expected kind differs', () => {
    expect(codeOf(OK, 'status-list')).toBe('JWS_TYP_MISMATCH');
    expect(codeOf({ ...OK, typ: 'xlic-trust-list+jws' }, 'bundle')).toBe('JWS_TYP_MISMATCH');
    expect(() => checkHeader(OK, 'trust-list')).toThrow(/expected a signed trust-list/);
  });

  it.each([
    ['a parameter xlic does not know', ['exp']],
    ['a standard parameter', ['b64']],
    ['a private parameter', ['urn:example:policy']],
    ['an empty array', []],
    ['a string', 'exp'],
    ['a non-string entry', [1]],
    ['null', null],
  ])('JWS_CRIT_UNSUPPORTED: crit with %s', (_, crit) => {
    expect(codeOf({ ...OK, crit })).toBe('JWS_CRIT_UNSUPPORTED');
  });

  it.each([
    ['jwk', { kty: 'EC' }],
    ['jku', 'https://attacker.example/keys'],
    ['x5u', 'https://attacker.example/cert.pem'],
    ['b64', false],
    ['b64 (even true)', true],
  ])('JWS_HEADER_FORBIDDEN: %s', (name, value) => {
    expect(codeOf({ ...OK, [name.split(' ')[0]!]: value })).toBe('JWS_HEADER_FORBIDDEN');
  });

  it('JWS_HEADER_FORBIDDEN also for a jwk whose value is null', () => {
    expect(codeOf({ ...OK, jwk: null })).toBe('JWS_HEADER_FORBIDDEN');
  });

  it('JWS_X5C_MISSING when there is no x5c', () => {
    const { x5c: _, ...rest } = OK;
    expect(codeOf(rest)).toBe('JWS_X5C_MISSING');
  });

  it.each([
    ['empty', []],
    ['too long', Array.from({ length: MAX_X5C + 1 }, () => CERT)],
    ['not an array', CERT],
    ['a number inside', [CERT, 1]],
    ['an empty string', ['']],
    ['base64url, not base64', ['-_-_']],
    ['unpadded', ['QQ']],
    ['whitespace', ['QUJD\nREVG']],
    ['a certificate over 16384 characters', ['A'.repeat(16388)]],
  ])('JWS_HEADER_INVALID: x5c %s', (_, x5c) => {
    expect(codeOf({ ...OK, x5c })).toBe('JWS_HEADER_INVALID');
  });

  it(`accepts exactly ${MAX_X5C} certificates`, () => {
    expect(checkHeader({ ...OK, x5c: Array.from({ length: MAX_X5C }, () => CERT) }).chain).toHaveLength(MAX_X5C);
  });

  it.each([
    ['missing', undefined],
    ['a string', '1795000000'],
    ['fractional', 1_795_000_000.5],
    ['negative', -1],
    ['after year 9999', 253402300800],
    ['milliseconds by mistake far in the future', 1_795_000_000_000_000],
  ])('JWS_IAT_INVALID: iat %s', (_, iat) => {
    expect(codeOf({ ...OK, iat })).toBe('JWS_IAT_INVALID');
  });

  it('checks alg before everything else, so alg none is named even without typ or x5c', () => {
    expect(codeOf({ alg: 'none' })).toBe('JWS_ALG_NOT_ALLOWED');
  });
});
