import { createHash } from 'node:crypto';
import { compactVerify, importX509 } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { isXlicError, type XlicError } from '@xlic/core';
import type { IssuedCertificate } from '@xlic/trust';
import { checkSigner, purposeFor } from '../src/certificate-check.js';
import { signDocument } from '../src/sign-document.js';
import type { Signer } from '../src/signer.js';
import { CERTS_FROM, SIGNED, decodePart, license, makeRoot, makeSigner, readExample } from './helpers.js';

let root: IssuedCertificate;
let licenseSigner: Signer & { certificate: Uint8Array };
let listSigner: Signer;

beforeAll(async () => {
  root = await makeRoot();
  licenseSigner = await makeSigner(root, 'license-signing');
  listSigner = await makeSigner(root, 'list-signing');
});

async function refusal(p: Promise<unknown>): Promise<XlicError> {
  try {
    await p;
  } catch (e) {
    if (isXlicError(e)) return e;
    throw e;
  }
  throw new Error('signing succeeded');
}

describe('signDocument: what it produces', () => {
  it('a compact JWS whose header is exactly alg, typ, x5c and iat', async () => {
    const { jws, kind } = await signDocument(license(), licenseSigner, { signingTime: SIGNED });
    expect(kind).toBe('license');
    const parts = jws.split('.');
    expect(parts).toHaveLength(3);
    expect(decodePart(parts[0]!)).toEqual({
      alg: 'ES256',
      typ: 'xlic-license+jws',
      x5c: [Buffer.from(licenseSigner.certificate).toString('base64')],
      iat: SIGNED.getTime() / 1000,
    });
  });

  it('signs the bytes of JSON.stringify(document), and payloadSha256 is their SHA-256', async () => {
    const doc = license();
    const { jws, payloadSha256 } = await signDocument(doc, licenseSigner, { signingTime: SIGNED });
    const payload = Buffer.from(jws.split('.')[1]!, 'base64url');
    expect(payload.toString('utf8')).toBe(JSON.stringify(doc));
    expect(payloadSha256).toBe(createHash('sha256').update(JSON.stringify(doc), 'utf8').digest('hex'));
  });

  it('verifies with the key of the certificate in x5c (jose, independently)', async () => {
    const { jws } = await signDocument(license(), licenseSigner, { signingTime: SIGNED });
    const key = await importX509(`-----BEGIN CERTIFICATE-----\n${Buffer.from(licenseSigner.certificate).toString('base64')}\n-----END CERTIFICATE-----`, 'ES256');
    const { payload } = await compactVerify(jws, key, { algorithms: ['ES256'] });
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual(license());
  });

  it('rounds the signing time down to whole seconds', async () => {
    const { jws } = await signDocument(license(), licenseSigner, { signingTime: new Date(SIGNED.getTime() + 999) });
    expect((decodePart(jws.split('.')[0]!) as { iat: number }).iat).toBe(SIGNED.getTime() / 1000);
  });

  it('uses the typ of each kind and the list-signing purpose for lists', async () => {
    const status = await signDocument(readExample('lists/de-bafa-status-list.json'), listSigner, { signingTime: SIGNED });
    expect(status.kind).toBe('status-list');
    expect((decodePart(status.jws.split('.')[0]!) as { typ: string }).typ).toBe('xlic-status-list+jws');
    expect(purposeFor('trust-list')).toBe('list-signing');
    expect(purposeFor('bundle')).toBe('list-signing');
    expect(purposeFor('license', true)).toBe('license-signing');
    expect(purposeFor('end-use-declaration')).toBe('declaration-signing');
    expect(purposeFor('end-use-declaration', true)).toBe('declaration-certifying');
  });

  it('signs with EdDSA and puts intermediates after the signer in x5c', async () => {
    const ed = await makeSigner(root, 'license-signing', { algorithm: 'EdDSA', n: 2 });
    const signer = { ...ed, chain: [ed.certificate, root.certificate] };
    const { jws } = await signDocument(license(), signer, { signingTime: SIGNED });
    const header = decodePart(jws.split('.')[0]!) as { alg: string; x5c: string[] };
    expect(header.alg).toBe('EdDSA');
    expect(header.x5c.map((c) => Buffer.from(c, 'base64'))).toEqual([Buffer.from(ed.certificate), Buffer.from(root.certificate)]);
  });
});

describe('signDocument: refusals', () => {
  it('SIGN_DOCUMENT_INVALID with the findings for an invalid document', async () => {
    const e = await refusal(signDocument({ ...license(), items: [], destinations: ['XX1'] }, licenseSigner, { signingTime: SIGNED }));
    expect(e.code).toBe('SIGN_DOCUMENT_INVALID');
    expect(e.message).toMatch(/^the license is not valid and was not signed: .*\(and \d+ more\)$/);
    expect(e.findings!.filter((f) => f.severity === 'error').length).toBeGreaterThanOrEqual(2);
    expect(e.findings!.map((f) => f.path)).toEqual(expect.arrayContaining(['/items']));
  });

  it('validates what is serialized, not the object (a toJSON that changes the content)', async () => {
    // Non-enumerable, so the schema validator does not see it; JSON.stringify calls it.
    const doc = Object.defineProperty(license(), 'toJSON', { value: () => ({ ...license(), items: [] }), enumerable: false });
    const e = await refusal(signDocument(doc, licenseSigner, { signingTime: SIGNED }));
    expect(e.code).toBe('SIGN_DOCUMENT_INVALID');
    expect(e.findings!.map((f) => f.path)).toContain('/items');
  });

  it('SIGN_DOCUMENT_INVALID (not a foreign error) for a document that cannot be serialized', async () => {
    const doc = Object.defineProperty(license(), 'toJSON', {
      value: () => {
        throw new TypeError('cannot serialize');
      },
      enumerable: false,
    });
    expect((await refusal(signDocument(doc, licenseSigner, { signingTime: SIGNED }))).code).toBe('SIGN_DOCUMENT_INVALID');
  });

  it('refuses a party, which is never signed on its own', async () => {
    const e = await refusal(signDocument(readExample('parties/schwarzwald-praezisionsmaschinen.json'), licenseSigner, { signingTime: SIGNED }));
    expect(e.code).toBe('SIGN_DOCUMENT_INVALID');
    expect(e.message).toMatch(/not signed on its own/);
  });

  it('SIGN_CERTIFICATE_UNSUITABLE for a CA certificate', async () => {
    const e = await refusal(signDocument(license(), { privateKey: root.privateKey, algorithm: 'ES256', chain: [root.certificate] }, { signingTime: SIGNED }));
    expect(e.code).toBe('SIGN_CERTIFICATE_UNSUITABLE');
    expect(e.message).toMatch(/is a CA certificate/);
  });

  it('SIGN_CERTIFICATE_UNSUITABLE for a certificate of another purpose', async () => {
    const e = await refusal(signDocument(license(), listSigner, { signingTime: SIGNED }));
    expect(e.code).toBe('SIGN_CERTIFICATE_UNSUITABLE');
    expect(e.message).toMatch(/not certified for license-signing/);
    expect((await refusal(signDocument(readExample('lists/de-bafa-status-list.json'), licenseSigner, { signingTime: SIGNED }))).code).toBe('SIGN_CERTIFICATE_UNSUITABLE');
  });

  it('SIGN_CERTIFICATE_UNSUITABLE outside the certificate validity, at both ends', async () => {
    const before = new Date(CERTS_FROM.getTime() - 1000);
    const after = new Date(CERTS_FROM.getTime() + 731 * 86_400_000);
    for (const t of [before, after]) {
      const e = await refusal(signDocument(license(), licenseSigner, { signingTime: t }));
      expect(e.code).toBe('SIGN_CERTIFICATE_UNSUITABLE');
      expect(e.message).toMatch(/is valid from 2026-11-01T00:00:00.000Z to 2028-10-31T00:00:00.000Z, not at/);
    }
    await expect(signDocument(license(), licenseSigner, { signingTime: CERTS_FROM })).resolves.toBeDefined();
  });

  it('refuses a signing time that is not a date', async () => {
    expect((await refusal(signDocument(license(), licenseSigner, { signingTime: new Date('not a date') }))).code).toBe('USAGE');
  });

  it('SIGN_KEY_MISMATCH for a key that does not belong to the certificate', async () => {
    const other = await makeSigner(root, 'license-signing', { n: 3 });
    const e = await refusal(signDocument(license(), { ...licenseSigner, privateKey: other.privateKey }, { signingTime: SIGNED }));
    expect(e.code).toBe('SIGN_KEY_MISMATCH');
  });

  it('SIGN_KEY_MISMATCH for an algorithm that does not fit the key', async () => {
    const e = await refusal(signDocument(license(), { ...licenseSigner, algorithm: 'ES384' }, { signingTime: SIGNED }));
    expect(e.code).toBe('SIGN_KEY_MISMATCH');
    const ed = await makeSigner(root, 'license-signing', { algorithm: 'EdDSA', n: 4 });
    expect((await refusal(signDocument(license(), { ...ed, algorithm: 'ES256' }, { signingTime: SIGNED }))).code).toBe('SIGN_KEY_MISMATCH');
  });

  it('SIGN_CERTIFICATE_UNSUITABLE without any certificate', async () => {
    expect((await refusal(checkSigner({ ...licenseSigner, chain: [] }, 'license-signing', SIGNED))).code).toBe('SIGN_CERTIFICATE_UNSUITABLE');
  });

  it('never puts private key material into an error', async () => {
    const other = await makeSigner(root, 'license-signing', { n: 5 });
    const e = await refusal(signDocument(license(), { ...licenseSigner, privateKey: other.privateKey }, { signingTime: SIGNED }));
    const { d } = (await crypto.subtle.exportKey('jwk', other.privateKey)) as { d: string };
    const text = `${e.message} ${String(e.cause)} ${JSON.stringify(e)}`;
    expect(text).not.toContain(d);
  });
});
