import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isXlicError } from '../src/errors.js';
import { MAX_SIGNATURES, parseJws } from '../src/jws-parse.js';

const b64u = (s: string | Uint8Array): string => Buffer.from(typeof s === 'string' ? new TextEncoder().encode(s) : s).toString('base64url');
const HEADER = { alg: 'ES256', typ: 'xlic-license+jws', x5c: ['MIIB'], iat: 1_800_000_000 };
const H = b64u(JSON.stringify(HEADER));
const P = b64u('{"documentType":"license"}');
const S = b64u(new Uint8Array(64).fill(7));

const B64U = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Set an unused trailing bit: decodes to the same bytes in a lenient decoder. */
const setLowBit = (s: string): string => s.slice(0, -1) + B64U[B64U.indexOf(s.at(-1)!) | 1];

function failure(text: string): { code: string; message: string } {
  try {
    parseJws(text);
  } catch (e) {
    if (!isXlicError(e)) throw e;
    return { code: e.code, message: e.message };
  }
  throw new Error('parseJws accepted the input');
}

describe('parseJws: serializations', () => {
  it('parses compact serialization', () => {
    const jws = parseJws(`${H}.${P}.${S}`);
    expect(jws.serialization).toBe('compact');
    expect(jws.payloadB64).toBe(P);
    expect(new TextDecoder().decode(jws.payload)).toBe('{"documentType":"license"}');
    expect(jws.signatures).toEqual([{ protectedB64: H, header: HEADER, signatureB64: S }]);
  });

  it('ignores surrounding whitespace (a trailing newline in a file)', () => {
    expect(parseJws(`\n ${H}.${P}.${S}\n`).signatures[0]!.signatureB64).toBe(S);
  });

  it('parses JSON general serialization with several signatures, in order', () => {
    const h2 = b64u(JSON.stringify({ ...HEADER, alg: 'EdDSA' }));
    const jws = parseJws(JSON.stringify({ payload: P, signatures: [{ protected: H, signature: S }, { protected: h2, signature: S }] }));
    expect(jws.serialization).toBe('json');
    expect(jws.signatures.map((s) => s.header['alg'])).toEqual(['ES256', 'EdDSA']);
    expect(jws.signatures[1]!.protectedB64).toBe(h2);
  });

  it('parses JSON flattened serialization as one signature', () => {
    const jws = parseJws(JSON.stringify({ payload: P, protected: H, signature: S }));
    expect(jws.serialization).toBe('json');
    expect(jws.signatures).toEqual([{ protectedB64: H, header: HEADER, signatureB64: S }]);
  });

  it('parses an empty signature part, so alg "none" is reported by the header check', () => {
    const none = b64u(JSON.stringify({ alg: 'none', typ: 'xlic-license+jws' }));
    const jws = parseJws(`${none}.${P}.`);
    expect(jws.signatures[0]!.signatureB64).toBe('');
    expect(jws.signatures[0]!.header['alg']).toBe('none');
  });

  it('gives the same header and payload for the same JWS in all three serializations', () => {
    const compact = parseJws(`${H}.${P}.${S}`);
    const general = parseJws(JSON.stringify({ payload: P, signatures: [{ protected: H, signature: S }] }));
    const flat = parseJws(JSON.stringify({ signature: S, payload: P, protected: H }));
    for (const j of [general, flat]) {
      expect(j.payload).toEqual(compact.payload);
      expect(j.signatures).toEqual(compact.signatures);
    }
  });
});

describe('parseJws: refusals', () => {
  it('refuses an unprotected header member in flattened and in general serialization', () => {
    expect(failure(JSON.stringify({ payload: P, protected: H, header: { kid: 'x' }, signature: S })).code).toBe('JWS_UNPROTECTED_HEADER');
    expect(failure(JSON.stringify({ payload: P, signatures: [{ protected: H, signature: S }, { protected: H, header: { x5c: ['MIIB'] }, signature: S }] })).code).toBe(
      'JWS_UNPROTECTED_HEADER',
    );
  });

  it('refuses a top-level unprotected header next to a signatures array (it would be silently ignored)', () => {
    expect(failure(JSON.stringify({ payload: P, header: { kid: 'x' }, signatures: [{ protected: H, signature: S }] })).code).toBe('JWS_UNPROTECTED_HEADER');
  });

  it(`refuses more than ${MAX_SIGNATURES} signatures, accepts exactly ${MAX_SIGNATURES}`, () => {
    const sigs = (n: number) => Array.from({ length: n }, () => ({ protected: H, signature: S }));
    expect(parseJws(JSON.stringify({ payload: P, signatures: sigs(MAX_SIGNATURES) })).signatures).toHaveLength(MAX_SIGNATURES);
    const f = failure(JSON.stringify({ payload: P, signatures: sigs(MAX_SIGNATURES + 1) }));
    expect(f.code).toBe('JWS_MALFORMED');
    expect(f.message).toMatch(/9 signatures; at most 8/);
  });

  it('refuses no signatures, mixed serializations and unknown members', () => {
    expect(failure(JSON.stringify({ payload: P, signatures: [] })).code).toBe('JWS_MALFORMED');
    expect(failure(JSON.stringify({ payload: P, protected: H, signature: S, signatures: [{ protected: H, signature: S }] })).code).toBe('JWS_MALFORMED');
    expect(failure(JSON.stringify({ payload: P, protected: H, signature: S, extra: 1 })).code).toBe('JWS_MALFORMED');
    expect(failure(JSON.stringify({ payload: P, signatures: [{ protected: H, signature: S, kid: 'x' }] })).code).toBe('JWS_MALFORMED');
    expect(failure(JSON.stringify({ payload: P, signatures: ['x'] })).code).toBe('JWS_MALFORMED');
    expect(failure(JSON.stringify({ payload: P, signatures: [{ signature: S }] })).code).toBe('JWS_MALFORMED');
    expect(failure(JSON.stringify({ payload: P, signatures: [{ protected: H }] })).code).toBe('JWS_MALFORMED');
    expect(failure('[1,2]').code).toBe('JWS_MALFORMED');
  });

  it('refuses the wrong number of compact parts and an empty header part', () => {
    expect(failure(`${H}.${P}`).code).toBe('JWS_MALFORMED');
    expect(failure(`${H}.${P}.${S}.${S}`).code).toBe('JWS_MALFORMED');
    expect(failure(`.${P}.${S}`).code).toBe('JWS_MALFORMED');
    expect(failure('').code).toBe('JWS_MALFORMED');
  });

  it('refuses non-canonical base64url in header, payload and signature', () => {
    // "e30" is "{}"; "e31" decodes to the same bytes in lenient decoders.
    expect(failure(`e31.${P}.${S}`).code).toBe('JWS_MALFORMED');
    expect(P.length % 4).not.toBe(0);
    expect(S.length % 4).not.toBe(0);
    expect(failure(`${H}.${setLowBit(P)}.${S}`).code).toBe('JWS_MALFORMED');
    expect(failure(`${H}.${P}.${setLowBit(S)}`).code).toBe('JWS_MALFORMED');
    expect(failure(`${H}=.${P}.${S}`).code).toBe('JWS_MALFORMED');
    expect(failure(`${H}.${Buffer.from('{"documentType":"license"}').toString('base64')}+/.${S}`).code).toBe('JWS_MALFORMED');
  });

  it('refuses duplicate keys in the protected header (JWS_HEADER_INVALID)', () => {
    const dup = b64u('{"alg":"ES256","typ":"xlic-license+jws","alg":"none"}');
    const f = failure(`${dup}.${P}.${S}`);
    expect(f.code).toBe('JWS_HEADER_INVALID');
    expect(f.message).toMatch(/alg/);
  });

  it('refuses a protected header that is not a UTF-8 JSON object', () => {
    expect(failure(`${b64u('[1]')}.${P}.${S}`).code).toBe('JWS_HEADER_INVALID');
    expect(failure(`${b64u('"x"')}.${P}.${S}`).code).toBe('JWS_HEADER_INVALID');
    expect(failure(`${b64u('{"alg":')}.${P}.${S}`).code).toBe('JWS_HEADER_INVALID');
    expect(failure(`${b64u(new Uint8Array([0x7b, 0xff, 0x7d]))}.${P}.${S}`).code).toBe('JWS_HEADER_INVALID');
    expect(failure(`${b64u('{"a":{"b":{"c":{"d":{"e":1}}}}}')}.${P}.${S}`).code).toBe('JWS_HEADER_INVALID');
  });

  it('refuses a protected header over 64 KiB', () => {
    const big = b64u(JSON.stringify({ ...HEADER, pad: 'x'.repeat(70_000) }));
    const f = failure(`${big}.${P}.${S}`);
    expect(f.code).toBe('JWS_HEADER_INVALID');
    expect(f.message).toMatch(/64 KiB/);
  });

  it('tells the user that an unsigned JSON document is not a signed one', () => {
    const f = failure(JSON.stringify({ documentType: 'license', schemaVersion: '1.0', id: 'X' }));
    expect(f.code).toBe('JWS_MALFORMED');
    expect(f.message).toMatch(/unsigned document/);
    expect(f.message).toMatch(/xlic sign/);
    expect(failure(JSON.stringify({ foo: 1 })).message).toMatch(/no "payload" member/);
  });

  it('refuses duplicate members in the JSON serialization', () => {
    expect(failure(`{"payload":"${P}","payload":"${P}","protected":"${H}","signature":"${S}"}`).code).toBe('JWS_MALFORMED');
  });

  it('refuses input over the size limit without parsing it', () => {
    expect(failure('a'.repeat(8 * 1024 * 1024 + 1)).code).toBe('INPUT_TOO_LARGE');
  });

  it('throws only XlicErrors for arbitrary text (property)', () => {
    const jwsLike = fc.oneof(
      fc.string(),
      fc.json(),
      fc.tuple(fc.base64String(), fc.base64String(), fc.base64String()).map((p) => p.join('.').replace(/\+/g, '-').replace(/\//g, '_').replace(/=/g, '')),
      fc.record({ payload: fc.string(), protected: fc.string(), signature: fc.string() }).map((o) => JSON.stringify(o)),
    );
    fc.assert(
      fc.property(jwsLike, (text) => {
        try {
          parseJws(text);
        } catch (e) {
          expect(isXlicError(e)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
