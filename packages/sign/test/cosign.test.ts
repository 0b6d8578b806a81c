import { flattenedVerify, importX509 } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_SIGNATURES, isXlicError } from '@xlic/core';
import { cosignDocument } from '../src/cosign.js';
import { signDocument } from '../src/sign-document.js';
import type { Signer } from '../src/signer.js';
import { SIGNED, decodePart, license, makeRoot, makeSigner, readExample } from './helpers.js';

const COSIGNED = new Date('2026-11-21T02:00:00Z');
let de: Signer & { certificate: Uint8Array };
let jp: Signer & { certificate: Uint8Array };
let deList: Signer;
let compact: string;

beforeAll(async () => {
  const deRoot = await makeRoot('DE', 'BAFA');
  const jpRoot = await makeRoot('JP', 'METI', 'EdDSA');
  de = await makeSigner(deRoot, 'license-signing');
  deList = await makeSigner(deRoot, 'list-signing');
  jp = await makeSigner(jpRoot, 'license-signing', { algorithm: 'EdDSA', country: 'JP', agencyId: 'METI' });
  compact = (await signDocument(license(), de, { signingTime: SIGNED })).jws;
});

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isXlicError(e)) return e.code;
    throw e;
  }
  return 'signed';
}

describe('cosignDocument', () => {
  it('keeps the payload and the first signature byte for byte, and adds one signature', async () => {
    const [h, p, s] = compact.split('.') as [string, string, string];
    const json = JSON.parse(await cosignDocument(compact, jp, { signingTime: COSIGNED })) as { payload: string; signatures: Array<{ protected: string; signature: string }> };
    expect(Object.keys(json)).toEqual(['payload', 'signatures']);
    expect(json.payload).toBe(p);
    expect(json.signatures).toHaveLength(2);
    expect(json.signatures[0]).toEqual({ protected: h, signature: s });
    expect(decodePart(json.signatures[1]!.protected)).toEqual({
      alg: 'EdDSA',
      typ: 'xlic-license+jws',
      x5c: [Buffer.from(jp.certificate).toString('base64')],
      iat: COSIGNED.getTime() / 1000,
    });
  });

  it('the countersignature verifies over the same payload with the countersigner key (jose)', async () => {
    const json = JSON.parse(await cosignDocument(compact, jp, { signingTime: COSIGNED })) as { payload: string; signatures: Array<{ protected: string; signature: string }> };
    const key = await importX509(`-----BEGIN CERTIFICATE-----\n${Buffer.from(jp.certificate).toString('base64')}\n-----END CERTIFICATE-----`, 'EdDSA');
    const r = await flattenedVerify({ payload: json.payload, ...json.signatures[1]! }, key, { algorithms: ['EdDSA'] });
    expect(new TextDecoder().decode(r.payload)).toBe(JSON.stringify(license()));
  });

  it('cosigns a document that is already in JSON serialization, keeping all earlier signatures', async () => {
    const once = await cosignDocument(compact, jp, { signingTime: COSIGNED });
    const third = await makeSigner(await makeRoot('FR', 'SBDU'), 'license-signing', { country: 'FR', agencyId: 'SBDU' });
    const twice = JSON.parse(await cosignDocument(once, third, { signingTime: COSIGNED })) as { signatures: unknown[] };
    expect(twice.signatures.slice(0, 2)).toEqual((JSON.parse(once) as { signatures: unknown[] }).signatures);
    expect(twice.signatures).toHaveLength(3);
  });

  it('refuses the same certificate twice', async () => {
    expect(await code(cosignDocument(compact, de, { signingTime: COSIGNED }))).toBe('SIGN_DOCUMENT_INVALID');
    const once = await cosignDocument(compact, jp, { signingTime: COSIGNED });
    expect(await code(cosignDocument(once, jp, { signingTime: COSIGNED }))).toBe('SIGN_DOCUMENT_INVALID');
  });

  it('refuses to cosign a trust list or status list', async () => {
    const status = (await signDocument(readExample('lists/de-bafa-status-list.json'), deList, { signingTime: SIGNED })).jws;
    expect(await code(cosignDocument(status, jp, { signingTime: COSIGNED }))).toBe('SIGN_DOCUMENT_INVALID');
  });

  it(`refuses to add a signature beyond ${MAX_SIGNATURES} (the result could not be parsed)`, async () => {
    const [h, p, s] = compact.split('.') as [string, string, string];
    const full = JSON.stringify({ payload: p, signatures: Array.from({ length: MAX_SIGNATURES }, () => ({ protected: h, signature: s })) });
    expect(await code(cosignDocument(full, jp, { signingTime: COSIGNED }))).toBe('SIGN_DOCUMENT_INVALID');
  });

  it('checks the countersigner certificate like signDocument does', async () => {
    expect(await code(cosignDocument(compact, deList, { signingTime: COSIGNED }))).toBe('SIGN_CERTIFICATE_UNSUITABLE');
    expect(await code(cosignDocument(compact, { ...jp, privateKey: de.privateKey, algorithm: 'ES256' }, { signingTime: COSIGNED }))).toBe('SIGN_KEY_MISMATCH');
    expect(await code(cosignDocument(compact, jp, { signingTime: new Date('2030-01-01T00:00:00Z') }))).toBe('SIGN_CERTIFICATE_UNSUITABLE');
  });

  it('refuses input that is not a JWS', async () => {
    expect(await code(cosignDocument(JSON.stringify(license()), jp, { signingTime: COSIGNED }))).toBe('JWS_MALFORMED');
  });
});
