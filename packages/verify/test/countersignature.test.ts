import { beforeAll, describe, expect, it } from 'vitest';
import { cosignDocument } from '@xlic/sign';
import { loadTrust, type TrustContext } from '../src/trust-context.js';
import { verifyDocument } from '../src/verify-document.js';
import { AT, buildWorld, deLicense, named, sign, type World } from './fixtures/pki.js';

const COSIGNED = new Date('2026-11-21T02:00:00Z');
let w: World;
let ctx: TrustContext;
let compact: string;

beforeAll(async () => {
  w = await buildWorld();
  ctx = await loadTrust({ trustLists: [named('jp.jws', w.jpListJws)], at: AT });
  compact = await sign(deLicense(), w.de.license);
});

type Json = { payload: string; signatures: Array<{ protected: string; signature: string }> };

describe('countersigned licenses', () => {
  it('verify with two valid signatures, reported as issuer and countersigner', async () => {
    const r = await verifyDocument(await cosignDocument(compact, w.jp.license, { signingTime: COSIGNED }), ctx);
    expect(r.code).toBeUndefined();
    expect(r.verdict).toBe('VALID');
    expect(r.signatures.map((s) => ({ role: s.role, valid: s.valid, agency: s.anchor?.agency.agencyId }))).toEqual([
      { role: 'issuer', valid: true, agency: 'BAFA' },
      { role: 'countersigner', valid: true, agency: 'METI' },
    ]);
    expect(r.checks.filter((c) => c.name === 'issuer').map((c) => c.message)).toEqual([expect.stringMatching(/^signed by the issuing agency/), expect.stringMatching(/^countersigned by .*METI/)]);
  });

  it('a countersignature under a root not trusted as license issuer makes the whole document INVALID', async () => {
    const nl = await cosignDocument(compact, w.nl.license, { signingTime: COSIGNED }); // NL is trusted for customs only
    const r = await verifyDocument(nl, ctx);
    expect(r.signatures.map((s) => s.valid)).toEqual([true, false]);
    expect({ verdict: r.verdict, code: r.code }).toEqual({ verdict: 'INVALID', code: 'CERT_ROLE_NOT_TRUSTED' });
  });

  it('a countersignature under an unknown root makes the whole document INVALID', async () => {
    const r = await verifyDocument(await cosignDocument(compact, w.kr.license, { signingTime: COSIGNED }), ctx);
    expect({ verdict: r.verdict, code: r.code }).toEqual({ verdict: 'INVALID', code: 'CERT_UNTRUSTED_ROOT' });
  });

  it('tampering only the countersignature makes the document INVALID, naming signature 2', async () => {
    const json = JSON.parse(await cosignDocument(compact, w.jp.license, { signingTime: COSIGNED })) as Json;
    const sig = Buffer.from(json.signatures[1]!.signature, 'base64url');
    sig[10] = sig[10]! ^ 0x01;
    json.signatures[1]!.signature = sig.toString('base64url');
    const r = await verifyDocument(JSON.stringify(json), ctx);
    expect({ verdict: r.verdict, code: r.code }).toEqual({ verdict: 'INVALID', code: 'JWS_SIGNATURE_INVALID' });
    expect(r.checks.find((c) => c.status === 'fail')).toMatchObject({ signature: 1, message: expect.stringMatching(/^signature 2: /) });
    expect(r.signatures.map((s) => s.valid)).toEqual([true, false]);
  });

  it('dropping the issuer signature leaves a countersigner that cannot be the issuer', async () => {
    const json = JSON.parse(await cosignDocument(compact, w.jp.license, { signingTime: COSIGNED })) as Json;
    const r = await verifyDocument(JSON.stringify({ payload: json.payload, signatures: [json.signatures[1]] }), ctx);
    expect({ verdict: r.verdict, code: r.code }).toEqual({ verdict: 'INVALID', code: 'TRUST_ISSUER_MISMATCH' });
  });

  it('swapping the order of the signatures is INVALID (the issuer signs first)', async () => {
    const json = JSON.parse(await cosignDocument(compact, w.jp.license, { signingTime: COSIGNED })) as Json;
    const r = await verifyDocument(JSON.stringify({ payload: json.payload, signatures: [json.signatures[1], json.signatures[0]] }), ctx);
    expect({ verdict: r.verdict, code: r.code }).toEqual({ verdict: 'INVALID', code: 'TRUST_ISSUER_MISMATCH' });
  });

  it('a countersignature with another typ is INVALID even though it verifies', async () => {
    const json = JSON.parse(await cosignDocument(compact, w.jp.license, { signingTime: COSIGNED })) as Json;
    const { forge } = await import('./fixtures/pki.js');
    const decl = (await forge(deLicense(), w.jp.license, 'xlic-declaration+jws', COSIGNED)).split('.');
    const r = await verifyDocument(JSON.stringify({ payload: json.payload, signatures: [json.signatures[0], { protected: decl[0], signature: decl[2] }] }), ctx);
    expect({ verdict: r.verdict, code: r.code }).toEqual({ verdict: 'INVALID', code: 'JWS_TYP_MISMATCH' });
  });

  it('the issuer signature with a set unused bit in its base64url is refused, not silently accepted', async () => {
    const [h, p, s] = compact.split('.') as [string, string, string];
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const malleated = s.slice(0, -1) + alphabet[alphabet.indexOf(s.at(-1)!) | 1];
    expect(malleated).not.toBe(s);
    const r = await verifyDocument(`${h}.${p}.${malleated}`, ctx);
    expect({ verdict: r.verdict, code: r.code }).toEqual({ verdict: 'INVALID', code: 'JWS_MALFORMED' });
  });
});
