import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { cosignDocument } from '@xlic/sign';
import { loadTrust, type TrustContext } from '../src/trust-context.js';
import { verifyDocument } from '../src/verify-document.js';
import type { VerificationResult } from '../src/result.js';
import { AT, buildWorld, deLicense, forge, named, sign, statusList, type World } from './fixtures/pki.js';

let w: World;
let ctx: TrustContext;
let noStatus: TrustContext;
let validJws: string;
const at = (offsetSeconds: number) => new Date(AT.getTime() + offsetSeconds * 1000);

beforeAll(async () => {
  w = await buildWorld();
  const status = statusList(w.de, [
    { licenseId: 'DE-BAFA-EA-2026-000010', status: 'suspended', reason: 'compliance', reasonText: 'Audit pending', effectiveAt: '2026-11-21T08:00:00Z' },
    { licenseId: 'DE-BAFA-EA-2026-000011', status: 'amended', reason: 'amendment', effectiveAt: '2026-11-21T08:00:00Z', successor: { id: 'DE-BAFA-EA-2026-000011-A1', sha256: 'a'.repeat(64) } },
    { licenseId: 'DE-BAFA-EA-2026-000012', status: 'revoked', reason: 'sanctions', effectiveAt: '2026-12-01T00:00:00Z' },
  ]);
  ctx = await loadTrust({ trustLists: [named('jp.jws', w.jpListJws)], statusLists: [named('de-status.jws', await sign(status, w.de.list, new Date('2026-11-22T08:00:00Z')))], at: AT });
  noStatus = await loadTrust({ trustLists: [named('jp.jws', w.jpListJws)], at: AT });
  validJws = await sign(deLicense(), w.de.license);
});

const verdict = (r: VerificationResult) => ({ verdict: r.verdict, code: r.code });

describe('verifyDocument: never throws, never VALID for junk', () => {
  const junk = async (input: string | Uint8Array) => {
    const r = await verifyDocument(input, ctx);
    expect(r.verdict).toBe('INVALID');
    expect(r.code).toBeDefined();
    expect(r.checks.some((c) => c.status === 'fail')).toBe(true);
    return r;
  };

  it('random strings and JSON', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(fc.string({ maxLength: 300 }), fc.json()), async (s) => void (await junk(s))), { numRuns: 300 });
  });

  it('random bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 500 }), async (b) => void (await junk(b))), { numRuns: 300 });
  });

  it('JWS-shaped junk: random protected headers over the real payload and signature', async () => {
    const [, p, s] = validJws.split('.') as [string, string, string];
    const headers = fc.record(
      {
        alg: fc.constantFrom('ES256', 'ES384', 'EdDSA', 'PS256', 'none', 'HS256'),
        typ: fc.constantFrom('xlic-license+jws', 'xlic-status-list+jws', 'JWT'),
        x5c: fc.oneof(fc.array(fc.base64String({ minLength: 4, maxLength: 200 }), { maxLength: 5 }), fc.constant([Buffer.from(w.de.license.chain[0]!).toString('base64')])),
        iat: fc.oneof(fc.integer(), fc.constant(Math.floor(AT.getTime() / 1000) - 3600)),
        crit: fc.array(fc.string(), { maxLength: 2 }),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(headers, fc.boolean(), async (h, json) => {
        const hb = Buffer.from(JSON.stringify(h)).toString('base64url');
        await junk(json ? JSON.stringify({ payload: p, signatures: [{ protected: hb, signature: s }] }) : `${hb}.${p}.${s}`);
      }),
      { numRuns: 200 },
    );
  });

  it('the valid JWS with any single character changed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(validJws.length - 1), fc.constantFrom(...'AQgw-_.x'), async (i, c) => {
        fc.pre(validJws[i] !== c);
        const r = await junk(validJws.slice(0, i) + c + validJws.slice(i + 1));
        expect(r.verdict).toBe('INVALID');
      }),
      { numRuns: 150 },
    );
  });

  it.each([
    ['an empty string', ''],
    ['whitespace', ' \n\t '],
    ['empty bytes', new Uint8Array()],
    ['binary bytes', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])],
    ['invalid UTF-8', new Uint8Array([0x65, 0xff, 0x2e])],
    ['three dots', '...'],
    ['a JSON null', 'null'],
  ])('%s', async (_, input) => {
    await junk(input);
  });

  it('a huge protected header', async () => {
    const h = Buffer.from(JSON.stringify({ alg: 'ES256', pad: 'x'.repeat(200_000) })).toString('base64url');
    expect(verdict(await junk(`${h}.e30.`))).toEqual({ verdict: 'INVALID', code: 'JWS_HEADER_INVALID' });
  });

  it('input over the size limit', async () => {
    expect((await junk(new Uint8Array(8 * 1024 * 1024 + 1).fill(0x41))).code).toBe('INPUT_TOO_LARGE');
  });

  it('an x5c that is not a certificate, under a signature that verifies with nothing', async () => {
    const r = await junk(await forge(deLicense(), { ...w.de.license, chain: [new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01])] }, 'xlic-license+jws'));
    expect(r.signatures[0]!.valid).toBe(false);
  });

  it('an unsigned document gets a helpful reason', async () => {
    const r = await junk(JSON.stringify(deLicense()));
    expect(r.reason).toMatch(/unsigned document/);
  });
});

describe('verifyDocument: status', () => {
  it('a valid license passes with a status check', async () => {
    const r = await verifyDocument(validJws, ctx);
    expect(verdict(r)).toEqual({ verdict: 'VALID', code: undefined });
    expect(r.checks.find((c) => c.name === 'status')).toMatchObject({ status: 'pass' });
  });

  it('LICENSE_SUSPENDED', async () => {
    const r = await verifyDocument(await sign(deLicense({ id: 'DE-BAFA-EA-2026-000010' }), w.de.license), ctx);
    expect(verdict(r)).toEqual({ verdict: 'INVALID', code: 'LICENSE_SUSPENDED' });
    expect(r.reason).toMatch(/suspended since 2026-11-21T08:00:00Z \(compliance: Audit pending\)/);
  });

  it('LICENSE_SUPERSEDED naming the successor', async () => {
    const r = await verifyDocument(await sign(deLicense({ id: 'DE-BAFA-EA-2026-000011' }), w.de.license), ctx);
    expect(verdict(r)).toEqual({ verdict: 'INVALID', code: 'LICENSE_SUPERSEDED' });
    expect(r.reason).toMatch(/superseded by license DE-BAFA-EA-2026-000011-A1/);
  });

  it('a revocation effective in the future does not apply yet, and applies once it is due', async () => {
    const jws = await sign(deLicense({ id: 'DE-BAFA-EA-2026-000012' }), w.de.license);
    expect(verdict(await verifyDocument(jws, ctx))).toEqual({ verdict: 'VALID', code: undefined });
    const later = await loadTrust({
      trustLists: [named('jp.jws', w.jpListJws)],
      statusLists: [named('s', await sign(statusList(w.de, [{ licenseId: 'DE-BAFA-EA-2026-000012', status: 'revoked', reason: 'sanctions', effectiveAt: '2026-12-01T00:00:00Z' }], { nextUpdate: '2026-12-29T00:00:00Z' }), w.de.list))],
      at: new Date('2026-12-02T00:00:00Z'),
    });
    expect(verdict(await verifyDocument(jws, later))).toEqual({ verdict: 'INVALID', code: 'LICENSE_REVOKED' });
  });

  it('a status list of another agency does not apply', async () => {
    const frStatus = await sign(statusList(w.fr, [{ licenseId: 'DE-BAFA-EA-2026-018274', status: 'revoked', reason: 'error', effectiveAt: '2026-11-21T00:00:00Z' }]), w.fr.list);
    const c = await loadTrust({ trustLists: [named('jp.jws', w.jpListJws)], statusLists: [named('fr', frStatus)], at: AT });
    const r = await verifyDocument(validJws, c);
    expect(r.verdict).toBe('VALID');
    expect(r.checks.find((x) => x.name === 'status')).toMatchObject({ status: 'warn', code: 'STATUS_UNKNOWN' });
  });

  it('no status list: STATUS_UNKNOWN warning, or STATUS_MISSING_REQUIRED when fresh status is required', async () => {
    const r = await verifyDocument(validJws, noStatus);
    expect(r.verdict).toBe('VALID');
    expect(r.checks.filter((c) => c.status === 'warn').map((c) => c.code)).toEqual(['STATUS_UNKNOWN']);
    expect(verdict(await verifyDocument(validJws, noStatus, { requireFreshStatus: true }))).toEqual({ verdict: 'INVALID', code: 'STATUS_MISSING_REQUIRED' });
  });
});

describe('verifyDocument: time', () => {
  it('SIGNED_IN_FUTURE beyond the clock skew; accepted within it', async () => {
    const r = await verifyDocument(await sign(deLicense(), w.de.license, at(3600)), ctx);
    expect(verdict(r)).toEqual({ verdict: 'INVALID', code: 'SIGNED_IN_FUTURE' });
    expect(r.signatures[0]!.valid).toBe(false);
    expect((await verifyDocument(await sign(deLicense(), w.de.license, at(240)), ctx)).verdict).toBe('VALID');
  });

  it('SIGNED_OUTSIDE_VALIDITY: signed after the license expired', async () => {
    // Expires a minute after the verification time and was signed (within the clock skew) after that.
    const lic = deLicense({ validity: { validFrom: '2026-11-12T00:00:00Z', validUntil: at(60).toISOString() } });
    const r = await verifyDocument(await sign(lic, w.de.license, at(120)), ctx);
    expect(verdict(r)).toEqual({ verdict: 'INVALID', code: 'SIGNED_OUTSIDE_VALIDITY' });
  });

  it('a license verified after it expired is LICENSE_EXPIRED, and its late signature is also reported', async () => {
    const lic = deLicense({ validity: { validFrom: '2026-11-12T00:00:00Z', validUntil: '2026-11-19T00:00:00Z' } });
    const r = await verifyDocument(await sign(lic, w.de.license), ctx);
    expect(verdict(r)).toEqual({ verdict: 'INVALID', code: 'LICENSE_EXPIRED' });
    expect(r.checks.filter((c) => c.status === 'fail').map((c) => c.code)).toEqual(['LICENSE_EXPIRED', 'SIGNED_OUTSIDE_VALIDITY']);
  });
});

describe('verifyDocument: signatures and options', () => {
  it('JWS_SIGNATURES_DISAGREE when the same agency signs twice (two certificates)', async () => {
    const second = await w.de.signer('license-signing', 2);
    const jws = await cosignDocument(validJws, second, { signingTime: new Date('2026-11-21T00:00:00Z') });
    const r = await verifyDocument(jws, ctx);
    expect(r.signatures.map((s) => s.valid)).toEqual([true, true]);
    expect(verdict(r)).toEqual({ verdict: 'INVALID', code: 'JWS_SIGNATURES_DISAGREE' });
  });

  it('`expect` naming another kind makes the document INVALID (JWS_TYP_MISMATCH)', async () => {
    expect(verdict(await verifyDocument(validJws, ctx, { expect: 'status-list' }))).toEqual({ verdict: 'INVALID', code: 'JWS_TYP_MISMATCH' });
    expect(verdict(await verifyDocument(w.jpListJws, ctx, { expect: 'license' }))).toEqual({ verdict: 'INVALID', code: 'JWS_TYP_MISMATCH' });
    expect((await verifyDocument(validJws, ctx, { expect: 'license' })).verdict).toBe('VALID');
  });

  it('reports payloadSha256 as the SHA-256 of the payload bytes', async () => {
    const r = await verifyDocument(validJws, ctx);
    const payload = Buffer.from(validJws.split('.')[1]!, 'base64url');
    expect(r.payloadSha256).toBe(createHash('sha256').update(payload).digest('hex'));
    expect(r.payloadSha256).toBe(createHash('sha256').update(JSON.stringify(deLicense())).digest('hex'));
    // Also for an INVALID but parseable document.
    const bad = await verifyDocument(await sign(deLicense({ id: 'DE-BAFA-EA-2026-000010' }), w.de.license), ctx);
    expect(bad.payloadSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the result of a valid license names kind, document, signer and anchor, and no private key material', async () => {
    const r = await verifyDocument(validJws, ctx);
    expect(r.kind).toBe('license');
    expect((r.document as { id: string }).id).toBe('DE-BAFA-EA-2026-018274');
    expect(r.signatures[0]).toMatchObject({ index: 0, role: 'issuer', alg: 'ES256', valid: true, signingTime: '2026-11-20T09:30:00.000Z', anchor: { agency: { country: 'DE', agencyId: 'BAFA' } } });
    const exported = JSON.stringify(await crypto.subtle.exportKey('jwk', w.de.license.privateKey));
    const d = (JSON.parse(exported) as { d: string }).d;
    expect(JSON.stringify(r)).not.toContain(d);
  });

  it('a signed list verifies only when signed under its own publisher root (TRUST_ISSUER_MISMATCH)', async () => {
    const deStatusByJp = await sign(statusList(w.de, []), w.jp.list);
    const r = await verifyDocument(deStatusByJp, ctx);
    expect(r.signatures[0]!.valid).toBe(true);
    expect(verdict(r)).toEqual({ verdict: 'INVALID', code: 'TRUST_ISSUER_MISMATCH' });
    expect(verdict(await verifyDocument(await sign(statusList(w.de, []), w.de.list), ctx))).toEqual({ verdict: 'VALID', code: undefined });
    expect(verdict(await verifyDocument(w.jpListJws, ctx))).toEqual({ verdict: 'VALID', code: undefined });
  });

  it('a payload that is not an xlic document under a license typ is JWS_TYP_MISMATCH', async () => {
    const r = await verifyDocument(await forge({ hello: 'world' }, w.de.license, 'xlic-license+jws'), ctx);
    expect(verdict(r)).toEqual({ verdict: 'INVALID', code: 'JWS_TYP_MISMATCH' });
  });

  it('an invalid license payload that was signed anyway fails schema validation', async () => {
    const r = await verifyDocument(await forge({ ...deLicense(), items: [] }, w.de.license, 'xlic-license+jws'), ctx);
    expect(r.verdict).toBe('INVALID');
    expect(r.checks.find((c) => c.name === 'schema')?.status).toBe('fail');
  });
});
