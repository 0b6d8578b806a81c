import { describe, expect, it } from 'vitest';
import { parseCertificate } from '../src/certificate.js';
import { decodeOid, encodeOidValue } from '../src/der.js';
import { fromPem, toPem } from '../src/pem.js';
import { makeRoot } from './helpers.js';

describe('PEM', () => {
  it('round-trips DER with 64-character lines and reads several blocks with text between them', async () => {
    const der = (await makeRoot()).certificate;
    const pem = toPem(der, 'CERTIFICATE');
    expect(pem.split('\n').slice(1, -3).every((l) => l.length === 64)).toBe(true);
    const blocks = fromPem(`subject=…\r\n${pem.replace(/\n/g, '\r\n')}between\n${pem}`);
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toEqual({ label: 'CERTIFICATE', der });
  });

  it('is strict', () => {
    const bad = [
      '',
      '-----BEGIN CERTIFICATE-----\nAAAA\n',
      '-----BEGIN CERTIFICATE-----\nAAAA\n-----END X509 CRL-----\n',
      '-----BEGIN CERTIFICATE-----\nAA$A\n-----END CERTIFICATE-----\n',
      '-----BEGIN CERTIFICATE-----\nAAB=\n-----END CERTIFICATE-----\n', // non-canonical last character
      '-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nAAAA\n-----END RSA PRIVATE KEY-----\n',
      '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n',
    ];
    for (const text of bad) expect(() => fromPem(text), text).toThrow(expect.objectContaining({ code: 'PEM_INVALID' }));
    expect(() => fromPem('x'.repeat(100), { maxChars: 10 })).toThrow(expect.objectContaining({ code: 'INPUT_TOO_LARGE' }));
  });
});

describe('parseCertificate', () => {
  it('rejects garbage with CERT_PARSE, never a raw error', async () => {
    const der = (await makeRoot()).certificate;
    const inputs = [new Uint8Array(), Uint8Array.of(0x30), Uint8Array.of(0x30, 0x80, 0, 0), der.slice(0, der.length - 1), Uint8Array.from([...der, 0]), new TextEncoder().encode('-----BEGIN CERTIFICATE-----')];
    for (let i = 0; i < 200; i++) {
      const m = der.slice();
      m[Math.floor(Math.random() * m.length)] = Math.floor(Math.random() * 256);
      inputs.push(m);
    }
    for (const input of inputs) {
      try {
        parseCertificate(input);
      } catch (e) {
        expect((e as { code?: string }).code).toBe('CERT_PARSE');
      }
    }
    expect(() => parseCertificate(der.slice(0, 10))).toThrow(expect.objectContaining({ code: 'CERT_PARSE' }));
  });

  it('reads large 2.25 arcs exactly (unlike @peculiar/x509)', () => {
    const oid = '2.25.152233983383500352379578609481682438308.1.4';
    expect(decodeOid(encodeOidValue(oid))).toBe(oid);
    expect(Buffer.from(encodeOidValue('1.2.840.10045.4.3.2')).toString('hex')).toBe('2a8648ce3d040302');
  });
});
