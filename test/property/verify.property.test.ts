// Properties of signing and verification (fast-check): any valid license round-trips; any single-bit
// flip is rejected; arbitrary input never throws and is never VALID. Run counts are kept CI-sized:
// the figures script (scripts/security-figures.mjs) reports them.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { base64urlDecode, base64urlEncode, type License } from '@xlic/core';
import { signDocument } from '@xlic/sign';
import { verifyDocument, type TrustContext } from '@xlic/verify';
import { EXAMPLE_LICENSES, makePki, readJson, type Pki } from './fixtures.js';

export const RUNS = { roundTrip: 400, bitFlip: 2000, arbitrary: 3000 };
const DAY = 86_400_000;
const iso = (t: number) => new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z');
const examples = EXAMPLE_LICENSES.map((p) => readJson<License>(p));
const pkis = new Map<string, Pki>();

beforeAll(async () => {
  for (const l of examples) pkis.set(l.issuer.agencyId, await makePki(l.issuer));
});

/** A valid license: an example with names in any script, 1 to 12 items, any quantities and dates. */
const licenseArb = fc
  .record({
    base: fc.constantFrom(...examples),
    names: fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }).filter((s) => s.trim().length > 0), { minLength: 3, maxLength: 3 }),
    quantities: fc.array(fc.oneof(fc.integer({ min: 1, max: 1_000_000_000 }), fc.double({ min: 0.001, max: 1e12, noNaN: true, noDefaultInfinity: true })), { minLength: 1, maxLength: 12 }),
    from: fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2026-12-31T00:00:00Z') }),
    days: fc.integer({ min: 1, max: 700 }),
    issuedBefore: fc.integer({ min: 0, max: 48 * 3600_000 }),
    id: fc.stringMatching(/^[A-Z0-9][A-Za-z0-9._:/-]{0,40}$/),
  })
  .map(({ base, names, quantities, from, days, issuedBefore, id }) => {
    const l = structuredClone(base) as License & Record<string, unknown>;
    l.id = id;
    l.exporter.legalName = names[0]!;
    l.consignee.legalName = names[1]!;
    l.endUsers[0]!.legalName = names[2]!;
    l.items = quantities.map((value, i) => ({ ...structuredClone(base.items[i % base.items.length]!), line: i + 1, quantity: { value, unit: base.items[0]!.quantity.unit } })) as License['items'];
    l.validity = { validFrom: iso(from), validUntil: iso(from + days * DAY) };
    l.issuedAt = iso(from - issuedBefore);
    return { license: l as License, signingTime: new Date(from + 60_000), at: new Date(from + 120_000) };
  });

describe('properties: signing and verification', () => {
  it(`sign then verify: every valid license is VALID, payload byte-identical (${RUNS.roundTrip} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(licenseArb, async ({ license, signingTime, at }) => {
        const pki = pkis.get(license.issuer.agencyId)!;
        const { jws } = await signDocument(license, pki.signer, { signingTime });
        const r = await verifyDocument(jws, await pki.ctx(at));
        expect(r.checks.filter((c) => c.status === 'fail')).toEqual([]);
        expect(r.verdict).toBe('VALID');
        expect(r.document).toEqual(license);
        expect(new TextDecoder().decode(base64urlDecode(jws.split('.')[1]!, 'JWS_MALFORMED', 'payload'))).toBe(JSON.stringify(license));
      }),
      { numRuns: RUNS.roundTrip },
    );
  });

  it(`any single-bit flip in the header, payload or signature is rejected (${RUNS.bitFlip} runs)`, async () => {
    const l = examples[0]!;
    const pki = pkis.get(l.issuer.agencyId)!;
    const { jws } = await signDocument(l, pki.signer, { signingTime: new Date('2026-11-20T09:30:00Z') });
    const ctx: TrustContext = await pki.ctx(new Date('2026-11-23T12:00:00Z'));
    expect((await verifyDocument(jws, ctx)).verdict).toBe('VALID');
    const parts = jws.split('.').map((p) => base64urlDecode(p, 'JWS_MALFORMED', 'part'));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 }), fc.nat(), fc.boolean(), async (part, at, onText) => {
        let forged: string;
        if (onText) {
          // Flip a bit of one character of the compact text (may leave the base64url alphabet).
          const i = at % jws.length;
          forged = jws.slice(0, i) + String.fromCharCode(jws.charCodeAt(i) ^ (1 << (at % 7))) + jws.slice(i + 1);
        } else {
          const bytes = parts[part]!.slice();
          const bit = at % (bytes.length * 8);
          bytes[bit >> 3]! ^= 1 << (bit & 7);
          forged = parts.map((p, i) => base64urlEncode(i === part ? bytes : p)).join('.');
        }
        const r = await verifyDocument(forged, ctx);
        expect(r.verdict).toBe('INVALID');
        expect(r.code).toBeDefined();
      }),
      { numRuns: RUNS.bitFlip },
    );
  });

  it(`arbitrary bytes, strings, JSON and JWS-shaped text: never throws, never VALID (${RUNS.arbitrary} runs)`, async () => {
    const l = examples[0]!;
    const pki = pkis.get(l.issuer.agencyId)!;
    const ctx = await pki.ctx(new Date('2026-11-23T12:00:00Z'));
    const { jws } = await signDocument(l, pki.signer, { signingTime: new Date('2026-11-20T09:30:00Z') });
    const [h, , s] = jws.split('.');
    const b64 = (u: Uint8Array) => base64urlEncode(u);
    const enc = (t: string) => new TextEncoder().encode(t);
    const input = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }),
      fc.string({ unit: 'binary', maxLength: 2000 }),
      fc.json({ maxDepth: 6 }),
      fc.tuple(fc.uint8Array(), fc.uint8Array(), fc.uint8Array()).map(([a, b, c]) => `${b64(a)}.${b64(b)}.${b64(c)}`),
      fc.json().map((p) => `${h}.${b64(enc(p))}.${s}`),
      fc.jsonValue().map((v) => `${b64(enc(JSON.stringify(v) ?? 'null'))}.${jws.split('.')[1]}.${s}`),
      fc.record({ payload: fc.string(), signatures: fc.array(fc.record({ protected: fc.constant(h!), signature: fc.string(), header: fc.option(fc.object(), { nil: undefined }) }), { maxLength: 10 }) }).map((o) => JSON.stringify(o)),
    );
    await fc.assert(
      fc.asyncProperty(input, async (x) => {
        const r = await verifyDocument(x, ctx);
        expect(r.verdict).toBe('INVALID');
        expect(r.code).toBeDefined();
      }),
      { numRuns: RUNS.arbitrary },
    );
  });
});
