import { beforeAll, describe, expect, it } from 'vitest';
import { isXlicError } from '@xlic/core';
import { issueCrl, thumbprint, toPem } from '@xlic/trust';
import { describeAge, loadTrust, type LoadTrustOptions } from '../src/trust-context.js';
import { verifyDocument } from '../src/verify-document.js';
import { AT, buildWorld, bundle, deLicense, entry, forge, makeAgency, krLicense, named, replacePayload, sign, statusList, trustList, type World } from './fixtures/pki.js';

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});

async function rejection(options: LoadTrustOptions): Promise<{ code: string; message: string }> {
  try {
    await loadTrust({ at: AT, ...options });
  } catch (e) {
    if (!isXlicError(e)) throw e;
    return { code: e.code, message: e.message };
  }
  throw new Error('loadTrust accepted the input');
}

describe('loadTrust: the anchor list', () => {
  it('accepts the own list signed under a root it lists as trust-list-publisher for its publisher', async () => {
    const ctx = await loadTrust({ trustLists: [named('jp.jws', w.jpListJws)], at: AT });
    expect(ctx.trustLists).toEqual([expect.objectContaining({ id: 'JP-METI-TL', sequence: 3, stale: false })]);
    expect(ctx.index.anchorsForRole('license-issuer').map((a) => a.agency.agencyId)).toEqual(['METI', 'BAFA', 'SBDU']);
    expect(ctx.notices).toEqual([]);
    expect(ctx.at).toEqual(AT);
  });

  it('rejects the own list signed with another agency key, even one the list trusts as publisher', async () => {
    // DE is a trust-list-publisher in the JP list, but only for DE: it may not publish JP's list.
    const f = await rejection({ trustLists: [named('jp.jws', await sign(w.jpList, w.de.list))] });
    expect(f.code).toBe('TRUST_LIST_REJECTED');
    expect(f.message).toMatch(/TRUST_ISSUER_MISMATCH/);
  });

  it('rejects a list signed under a root it does not list', async () => {
    const f = await rejection({ trustLists: [named('jp.jws', await sign(w.jpList, w.kr.list))] });
    expect(f.code).toBe('TRUST_LIST_REJECTED');
    expect(f.message).toMatch(/CERT_UNTRUSTED_ROOT/);
  });

  it('rejects a list whose own entry does not hold trust-list-publisher', async () => {
    const list = trustList(w.jp, [await entry(w.jp, ['license-issuer', 'status-publisher'])]);
    const f = await rejection({ trustLists: [named('jp.jws', await sign(list, w.jp.list))] });
    expect(f.code).toBe('TRUST_LIST_REJECTED');
    expect(f.message).toMatch(/CERT_ROLE_NOT_TRUSTED/);
  });

  it('rejects a list signed with a license-signing certificate', async () => {
    const f = await rejection({ trustLists: [named('jp.jws', await forge(w.jpList, w.jp.license, 'xlic-trust-list+jws'))] });
    expect(f.code).toBe('TRUST_LIST_REJECTED');
    expect(f.message).toMatch(/CERT_EKU_MISSING/);
  });

  it('rejects a tampered list', async () => {
    const tampered = replacePayload(w.jpListJws, (d) => {
      d['sequence'] = 99;
    });
    const f = await rejection({ trustLists: [named('jp.jws', tampered)] });
    expect(f.code).toBe('TRUST_LIST_REJECTED');
    expect(f.message).toMatch(/JWS_SIGNATURE_INVALID/);
    expect(f.message).toMatch(/^jp\.jws: /);
  });

  it('rejects a signed license given as a trust list', async () => {
    const f = await rejection({ trustLists: [named('lic.jws', await sign(deLicense(), w.de.license))] });
    expect(f.code).toBe('TRUST_LIST_REJECTED');
    expect(f.message).toMatch(/JWS_TYP_MISMATCH/);
  });
});

describe('loadTrust: further lists', () => {
  it('accepts a list whose publisher the first list trusts as trust-list-publisher', async () => {
    const ctx = await loadTrust({ trustLists: [named('jp.jws', w.jpListJws), named('de.jws', w.deListJws)], at: AT });
    expect(ctx.trustLists.map((l) => l.id)).toEqual(['JP-METI-TL', 'DE-BAFA-TL']);
  });

  it('rejects a list whose publisher the first list does not trust as trust-list-publisher', async () => {
    const frList = trustList(w.fr, [await entry(w.fr, ['license-issuer', 'trust-list-publisher'])]);
    const f = await rejection({ trustLists: [named('jp.jws', w.jpListJws), named('fr.jws', await sign(frList, w.fr.list))] });
    expect(f.code).toBe('TRUST_LIST_REJECTED');
    expect(f.message).toMatch(/^fr\.jws: .*CERT_ROLE_NOT_TRUSTED/);
  });

  it('rejects a list published in the name of a trusted publisher but signed by another one', async () => {
    // DE signs a list that claims to be the JP list (a second JP list id).
    const fake = trustList(w.jp, [await entry(w.kr, ['license-issuer'])], { id: 'JP-METI-TL-2' });
    const f = await rejection({ trustLists: [named('jp.jws', w.jpListJws), named('fake.jws', await sign(fake, w.de.list))] });
    expect(f.code).toBe('TRUST_LIST_REJECTED');
    expect(f.message).toMatch(/TRUST_ISSUER_MISMATCH/);
  });

  it('treats whichever list comes first as the anchor list (the operator chooses it)', async () => {
    const ctx = await loadTrust({ trustLists: [named('de.jws', w.deListJws)], at: AT });
    expect(ctx.index.anchors().map((a) => a.agency.agencyId)).toEqual(['BAFA']);
  });

  it('an allied list cannot add a root for another country, such as a fake root of the verifier\'s own agency', async () => {
    const fakeJp = await makeAgency('JP', 'METI', w.jp.name);
    const deList = trustList(w.de, [await entry(w.de, ['license-issuer', 'trust-list-publisher']), await entry(fakeJp, ['license-issuer']), await entry(w.kr, ['license-issuer'])], { sequence: 8 });
    const ctx = await loadTrust({ trustLists: [named('jp.jws', w.jpListJws), named('de.jws', await sign(deList, w.de.list))], at: AT });
    expect(ctx.index.anchors().filter((a) => a.source.startsWith('de.jws')).map((a) => a.agency.country)).toEqual(['DE']);
    const license = deLicense({ id: 'JP-METI-2026-1', issuer: { country: 'JP', agencyId: 'METI', name: w.jp.name } });
    const r = await verifyDocument(await sign(license, fakeJp.license), ctx);
    expect({ verdict: r.verdict, code: r.code }).toEqual({ verdict: 'INVALID', code: 'CERT_UNTRUSTED_ROOT' });
  });

  it('a newer version of the anchor list still names allies', async () => {
    const v4 = await sign({ ...w.jpList, sequence: 4 }, w.jp.list, new Date('2026-11-16T00:00:00Z'));
    const ctx = await loadTrust({ trustLists: [named('jp-3.jws', w.jpListJws), named('de.jws', w.deListJws), named('jp-4.jws', v4)], at: AT });
    expect(ctx.trustLists.map((l) => `${l.id}#${l.sequence}`)).toEqual(['DE-BAFA-TL#7', 'JP-METI-TL#4']);
    expect(ctx.index.anchorsForRole('license-issuer').filter((a) => a.source.startsWith('jp-4')).map((a) => a.agency.agencyId)).toEqual(['METI', 'BAFA', 'SBDU']);
  });
});

describe('loadTrust: pins', () => {
  it('accepts the anchor list when its root is pinned (any case, with colons)', async () => {
    const pin = await thumbprint(w.jp.root.certificate);
    const colons = pin.toUpperCase().match(/../g)!.join(':');
    for (const p of [pin, colons]) {
      const ctx = await loadTrust({ trustLists: [named('jp.jws', w.jpListJws)], pins: [await thumbprint(w.kr.root.certificate), p], at: AT });
      expect(ctx.trustLists).toHaveLength(1);
    }
  });

  it('rejects the anchor list when its root is not pinned', async () => {
    const f = await rejection({ trustLists: [named('jp.jws', w.jpListJws)], pins: [await thumbprint(w.de.root.certificate)] });
    expect(f.code).toBe('TRUST_LIST_REJECTED');
    expect(f.message).toMatch(/not one of the pinned roots/);
  });
});

describe('loadTrust: versions and staleness', () => {
  it('keeps the newer sequence of the same list, whichever order they come in', async () => {
    const v4 = await sign({ ...w.jpList, sequence: 4, entries: w.jpList.entries.slice(0, 1) }, w.jp.list, new Date('2026-11-16T00:00:00Z'));
    const older = named('jp-3.jws', w.jpListJws);
    const newer = named('jp-4.jws', v4);

    const a = await loadTrust({ trustLists: [older, newer], at: AT });
    expect(a.trustLists.map((l) => l.sequence)).toEqual([4]);
    expect(a.index.anchors().map((x) => x.agency.agencyId)).toEqual(['METI']);

    const b = await loadTrust({ trustLists: [newer, older], at: AT });
    expect(b.trustLists.map((l) => l.sequence)).toEqual([4]);
    expect(b.index.anchors().map((x) => x.agency.agencyId)).toEqual(['METI']);
    expect(b.notices).toEqual([expect.objectContaining({ status: 'warn', code: 'TRUST_LIST_STALE', message: expect.stringMatching(/jp-3\.jws: ignored, an equal or newer version \(#4\)/) })]);
  });

  it('reports a list past its nextUpdate as TRUST_LIST_STALE, keeps it, and shows the notice with every verdict', async () => {
    const stale = await sign({ ...w.jpList, issuedAt: '2026-10-01T00:00:00Z', nextUpdate: '2026-11-01T00:00:00Z' }, w.jp.list, new Date('2026-11-02T00:00:00Z'));
    const ctx = await loadTrust({ trustLists: [named('jp.jws', stale), named('de.jws', w.deListJws)], at: AT });
    expect(ctx.trustLists[0]!.stale).toBe(true);
    expect(ctx.trustLists[1]!.stale).toBe(false);
    expect(ctx.notices).toEqual([expect.objectContaining({ code: 'TRUST_LIST_STALE', message: expect.stringMatching(/JP-METI-TL #3 was due for update on 2026-11-01/) })]);
    const r = await verifyDocument(await sign(deLicense(), w.de.license), ctx);
    expect(r.checks[0]).toMatchObject({ code: 'TRUST_LIST_STALE', status: 'warn' });
    expect(r.verdict).toBe('VALID');
  });
});

describe('loadTrust: status lists', () => {
  const list = () => statusList(w.de, [{ licenseId: 'DE-BAFA-EA-2026-000001', status: 'revoked', reason: 'error', effectiveAt: '2026-11-21T00:00:00Z' }]);

  it('accepts a status list signed by its issuer under a status-publisher root', async () => {
    const ctx = await loadTrust({ trustLists: [named('jp.jws', w.jpListJws)], statusLists: [named('de-status.jws', await sign(list(), w.de.list))], at: AT });
    expect([...ctx.statusLists.keys()]).toEqual(['DE:BAFA']);
    expect(ctx.statusLists.get('DE:BAFA')).toMatchObject({ stale: false, source: 'de-status.jws (DE-BAFA-STATUS #1)' });
  });

  it('rejects a status list signed by an agency other than its issuer', async () => {
    const f = await rejection({ trustLists: [named('jp.jws', w.jpListJws)], statusLists: [named('de-status.jws', await sign(list(), w.jp.list))] });
    expect(f.code).toBe('STATUS_LIST_REJECTED');
    expect(f.message).toMatch(/TRUST_ISSUER_MISMATCH/);
  });

  it('rejects a status list signed with a license-signing (not list-signing) certificate', async () => {
    const forged = await forge(list(), w.de.license, 'xlic-status-list+jws');
    const f = await rejection({ trustLists: [named('jp.jws', w.jpListJws)], statusLists: [named('de-status.jws', forged)] });
    expect(f.code).toBe('STATUS_LIST_REJECTED');
    expect(f.message).toMatch(/CERT_EKU_MISSING/);
  });

  it('rejects a status list from an agency whose root is not a status publisher', async () => {
    const nlList = statusList(w.nl, []);
    const f = await rejection({ trustLists: [named('jp.jws', w.jpListJws)], statusLists: [named('nl.jws', await sign(nlList, w.nl.list))] });
    expect(f.code).toBe('STATUS_LIST_REJECTED');
    expect(f.message).toMatch(/CERT_ROLE_NOT_TRUSTED/);
  });

  it('keeps the newest status list per agency', async () => {
    const s1 = await sign({ ...list(), sequence: 5 }, w.de.list);
    const s2 = await sign({ ...list(), sequence: 6, entries: [] }, w.de.list);
    for (const order of [[s1, s2], [s2, s1]]) {
      const ctx = await loadTrust({ trustLists: [named('jp.jws', w.jpListJws)], statusLists: order.map((t, i) => named(`s${i}`, t)), at: AT });
      expect(ctx.statusLists.get('DE:BAFA')!.list.sequence).toBe(6);
    }
  });
});

describe('loadTrust: PEM roots and no trust', () => {
  it('makes PEM roots license issuers for their subject country and agency', async () => {
    const ctx = await loadTrust({ pemRoots: [named('kr.pem', toPem(w.kr.root.certificate, 'CERTIFICATE'))], at: AT });
    expect(ctx.index.anchors()).toEqual([expect.objectContaining({ roles: ['license-issuer'], agency: { country: 'KR', agencyId: 'MOTIE', name: w.kr.name }, source: 'kr.pem' })]);
    const kr = krLicense();
    const r = await verifyDocument(await sign({ ...kr, issuer: { ...kr.issuer, name: w.kr.name } }, w.kr.license, new Date('2026-11-10T00:00:00Z')), ctx);
    expect(r.code).toBeUndefined();
    expect(r.verdict).toBe('VALID');
    expect(r.signatures[0]!.anchor).toMatchObject({ source: 'kr.pem', roles: ['license-issuer'] });
  });

  it('adds PEM roots to the trust lists, but never as list publishers', async () => {
    const ctx = await loadTrust({ trustLists: [named('jp.jws', w.jpListJws)], pemRoots: [named('kr.pem', toPem(w.kr.root.certificate, 'CERTIFICATE'))], at: AT });
    expect(ctx.index.anchorsForRole('license-issuer').map((a) => a.agency.agencyId)).toEqual(['METI', 'BAFA', 'SBDU', 'MOTIE']);
    const krStatus = await sign(statusList(w.kr, []), w.kr.list);
    const f = await rejection({ trustLists: [named('jp.jws', w.jpListJws)], pemRoots: [named('kr.pem', toPem(w.kr.root.certificate, 'CERTIFICATE'))], statusLists: [named('kr-status', krStatus)] });
    expect(f.code).toBe('STATUS_LIST_REJECTED');
  });

  it('TRUST_NONE_CONFIGURED without trust lists, PEM roots or bundle', async () => {
    expect((await rejection({})).code).toBe('TRUST_NONE_CONFIGURED');
    expect((await rejection({ trustLists: [], pemRoots: [] })).code).toBe('TRUST_NONE_CONFIGURED');
    expect((await rejection({ statusLists: [named('s', await sign(statusList(w.de, []), w.de.list))] })).code).toBe('TRUST_NONE_CONFIGURED');
  });
});

describe('loadTrust: offline bundle', () => {
  const crlOf = async () =>
    Buffer.from(await issueCrl({ issuer: w.de.root, revoked: [], thisUpdate: new Date('2026-11-21T00:00:00Z'), nextUpdate: new Date('2026-12-21T00:00:00Z'), crlNumber: 1 })).toString('base64');

  it('loads a valid bundle: its lists, status lists and CRLs, and reports its age', async () => {
    const status = await sign(statusList(w.de, []), w.de.list);
    const b = bundle(w.jp, { trustLists: [w.jpListJws, w.deListJws], statusLists: [status], crls: [await crlOf()], asOf: '2026-11-20T12:00:00Z' });
    const ctx = await loadTrust({ bundle: named('b.jws', await sign(b, w.jp.list, new Date('2026-11-20T12:00:00Z'))), at: AT });
    expect(ctx.bundle).toEqual({ id: 'JP-METI-BUNDLE-1', asOf: '2026-11-20T12:00:00Z', publisher: 'METI (JP)', ageSeconds: 3 * 86400 });
    expect(ctx.trustLists.map((l) => l.id)).toEqual(['JP-METI-TL', 'DE-BAFA-TL']);
    expect(ctx.trustLists[0]!.source).toMatch(/^b\.jws#trustLists\/0 /);
    expect([...ctx.statusLists.keys()]).toEqual(['DE:BAFA']);
    expect(ctx.crls).toHaveLength(1);
    expect(ctx.notices).toEqual([expect.objectContaining({ code: 'BUNDLE_AGE', status: 'warn', message: expect.stringMatching(/as of 2026-11-20T12:00:00Z, 3 days old/) })]);
  });

  it('rejects a bundle whose payload was changed after signing (a status list dropped)', async () => {
    const status = await sign(statusList(w.de, [{ licenseId: 'DE-BAFA-EA-2026-018274', status: 'revoked', reason: 'sanctions', effectiveAt: '2026-11-21T00:00:00Z' }]), w.de.list);
    const signed = await sign(bundle(w.jp, { trustLists: [w.jpListJws], statusLists: [status] }), w.jp.list);
    const tampered = replacePayload(signed, (d) => {
      d['statusLists'] = [];
    });
    const f = await rejection({ bundle: named('b.jws', tampered) });
    expect(f.code).toBe('BUNDLE_REJECTED');
    expect(f.message).toMatch(/JWS_SIGNATURE_INVALID/);
  });

  it('rejects a bundle signed by someone other than its first list publisher', async () => {
    // Publisher DE (signed by DE, a trusted trust-list publisher) but the first list is JP's.
    const byDe = await sign(bundle(w.de, { trustLists: [w.jpListJws, w.deListJws] }), w.de.list);
    expect((await rejection({ bundle: named('b.jws', byDe) })).code).toBe('BUNDLE_REJECTED');
    // Publisher JP as it should be, but signed with DE's key.
    const signedByDe = await sign(bundle(w.jp, { trustLists: [w.jpListJws, w.deListJws] }), w.de.list);
    const f = await rejection({ bundle: named('b.jws', signedByDe) });
    expect(f.code).toBe('BUNDLE_REJECTED');
    expect(f.message).toMatch(/TRUST_ISSUER_MISMATCH/);
  });

  it('rejects a bundle whose CRL is not base64', async () => {
    const signed = await sign(bundle(w.jp, { trustLists: [w.jpListJws] }), w.jp.list);
    const tampered = replacePayload(signed, (d) => {
      d['crls'] = ['QR=='];
    });
    expect((await rejection({ bundle: named('b.jws', tampered) })).code).toBe('BUNDLE_REJECTED');
  });

  it('rejects a trust list given as a bundle', async () => {
    expect((await rejection({ bundle: named('b.jws', w.jpListJws) })).code).toBe('BUNDLE_REJECTED');
  });
});

describe('describeAge', () => {
  it.each([
    [0, '0 minutes'],
    [-50, '0 minutes'],
    [7199, '119 minutes'],
    [7200, '2 hours'],
    [2 * 86400 - 1, '47 hours'],
    [3 * 86400 + 5, '3 days'],
  ])('%d s → %s', (s, text) => {
    expect(describeAge(s)).toBe(text);
  });
});
