// Interoperability with an independent JOSE implementation (Debian's python3-jwcrypto +
// python3-cryptography) and a PKI made with the openssl CLI.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRootCa, exportPrivateKeyPem, issueCertificate, toPem, type SigningAlgorithm } from '@xlic/trust';
import { signDocument } from '@xlic/sign';
import { loadTrust, verifyDocument } from '@xlic/verify';

const repo = resolve(import.meta.dirname, '../..');
const python = '/usr/bin/python3';
const tool = join(import.meta.dirname, 'jose_tool.py');
const xlic = join(repo, 'cli/bin/xlic.js');
const license = JSON.parse(readFileSync(join(repo, 'examples/licenses/de-bafa-individual-2b001-jp.json'), 'utf8'));
const AT = '2026-11-23T12:00:00Z';
/** The result line of `xlic verify --json` (JSON Lines) for a single document. */
const resultOf = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l)).find((l) => l.type === 'result').result;
const NOT_BEFORE = new Date('2026-11-01T00:00:00Z');

async function bafaPki(algorithm: SigningAlgorithm) {
  const root = await createRootCa({ country: 'DE', agencyId: 'BAFA', agencyName: license.issuer.name, algorithm, notBefore: NOT_BEFORE });
  const signer = await issueCertificate({
    issuer: root,
    subject: { country: 'DE', organization: license.issuer.name, organizationalUnit: 'BAFA', commonName: 'BAFA license-signing signer 1' },
    purpose: 'license-signing',
    algorithm,
    notBefore: NOT_BEFORE,
  });
  return { root, signer };
}

describe('xlic → python-jwcrypto', () => {
  for (const alg of ['ES256', 'ES384', 'EdDSA', 'PS256'] as const) {
    it(`a license signed by xlic with ${alg} verifies with jwcrypto`, async () => {
      const { signer } = await bafaPki(alg);
      const { jws } = await signDocument(license, { privateKey: signer.privateKey, algorithm: alg, chain: [signer.certificate] }, { signingTime: new Date('2026-11-20T09:00:00Z') });
      const dir = mkdtempSync(join(tmpdir(), 'xlic-interop-'));
      writeFileSync(join(dir, 'license.jws'), jws);
      writeFileSync(join(dir, 'signer.pem'), toPem(signer.certificate, 'CERTIFICATE'));
      const r = spawnSync(python, [tool, 'verify', join(dir, 'license.jws'), join(dir, 'signer.pem')], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const out = JSON.parse(r.stdout) as { payload: string; headers: Array<Record<string, unknown>> };
      expect(JSON.parse(out.payload)).toEqual(license);
      expect(out.headers[0]).toMatchObject({ alg, typ: 'xlic-license+jws' });

      // and jwcrypto refuses the same JWS with one payload byte changed
      const parts = jws.split('.');
      const tampered = Buffer.from(parts[1]!, 'base64url').toString('utf8').replace('"value":2,', '"value":3,');
      writeFileSync(join(dir, 'tampered.jws'), [parts[0], Buffer.from(tampered).toString('base64url'), parts[2]].join('.'));
      expect(spawnSync(python, [tool, 'verify', join(dir, 'tampered.jws'), join(dir, 'signer.pem')]).status).not.toBe(0);
    });
  }
});

describe('python-jwcrypto → xlic', () => {
  for (const alg of ['ES256', 'EdDSA'] as const) {
    it(`a license signed by jwcrypto (${alg}) under an xlic PKI verifies with xlic`, async () => {
      const { root, signer } = await bafaPki(alg);
      const dir = mkdtempSync(join(tmpdir(), 'xlic-interop-'));
      writeFileSync(join(dir, 'payload.json'), JSON.stringify(license));
      writeFileSync(join(dir, 'signer.key.pem'), await exportPrivateKeyPem(signer.privateKey), { mode: 0o600 });
      writeFileSync(join(dir, 'signer.pem'), toPem(signer.certificate, 'CERTIFICATE'));
      writeFileSync(join(dir, 'root.pem'), toPem(root.certificate, 'CERTIFICATE'));
      const iat = String(Date.parse('2026-11-20T09:00:00Z') / 1000);
      const jws = execFileSync(python, [tool, 'sign', join(dir, 'payload.json'), join(dir, 'signer.key.pem'), join(dir, 'signer.pem'), alg, 'xlic-license+jws', iat], { encoding: 'utf8' });
      const ctx = await loadTrust({ pemRoots: [{ name: 'root.pem', text: toPem(root.certificate, 'CERTIFICATE') }], at: new Date(AT) });
      const result = await verifyDocument(jws, ctx);
      expect(result.checks.filter((c) => c.status === 'fail')).toEqual([]);
      expect(result.verdict).toBe('VALID');
    });
  }
});

describe('openssl PKI + jwcrypto signature → xlic CLI', () => {
  it('verifies a license signed with an openssl-made key and certificate carrying the xlic EKU', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlic-openssl-'));
    const ossl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const eku = '2.25.152233983383500352379578609481682438308.1.1';
    ossl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'root.key');
    ossl('req', '-x509', '-new', '-key', 'root.key', '-sha256', '-days', '3650', '-subj', '/C=DE/O=Bundesamt fuer Wirtschaft und Ausfuhrkontrolle/OU=BAFA/CN=BAFA Root CA 2026', '-addext', 'basicConstraints=critical,CA:TRUE,pathlen:1', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-addext', 'subjectKeyIdentifier=hash', '-out', 'root.pem');
    ossl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'signer.key');
    ossl('req', '-new', '-key', 'signer.key', '-subj', '/C=DE/O=Bundesamt fuer Wirtschaft und Ausfuhrkontrolle/OU=BAFA/CN=BAFA license signer', '-out', 'signer.csr');
    writeFileSync(join(dir, 'ext.cnf'), `basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=${eku}\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n`);
    ossl('x509', '-req', '-in', 'signer.csr', '-CA', 'root.pem', '-CAkey', 'root.key', '-CAcreateserial', '-days', '365', '-sha256', '-extfile', 'ext.cnf', '-out', 'signer.pem');
    writeFileSync(join(dir, 'payload.json'), JSON.stringify(license));
    const jws = execFileSync(python, [tool, 'sign', join(dir, 'payload.json'), join(dir, 'signer.key'), join(dir, 'signer.pem'), 'ES256', 'xlic-license+jws', String(Math.floor(Date.now() / 1000) + 2)], { encoding: 'utf8' });
    writeFileSync(join(dir, 'license.jws'), jws);
    const r = spawnSync(process.execPath, [xlic, 'verify', join(dir, 'license.jws'), '--trust', join(dir, 'root.pem'), '--json'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const result = resultOf(r.stdout);
    expect(result.reason).toBeUndefined();
    expect(result.verdict).toBe('VALID');
    expect(result.signatures[0].anchor.agency).toMatchObject({ country: 'DE', agencyId: 'BAFA' });
    expect(r.status).toBe(0);

    // the same certificate without the license-signing EKU is refused
    writeFileSync(join(dir, 'ext2.cnf'), 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n');
    ossl('x509', '-req', '-in', 'signer.csr', '-CA', 'root.pem', '-CAkey', 'root.key', '-CAcreateserial', '-days', '365', '-sha256', '-extfile', 'ext2.cnf', '-out', 'signer-noeku.pem');
    const jws2 = execFileSync(python, [tool, 'sign', join(dir, 'payload.json'), join(dir, 'signer.key'), join(dir, 'signer-noeku.pem'), 'ES256', 'xlic-license+jws', String(Math.floor(Date.now() / 1000) + 2)], { encoding: 'utf8' });
    writeFileSync(join(dir, 'license2.jws'), jws2);
    const r2 = spawnSync(process.execPath, [xlic, 'verify', join(dir, 'license2.jws'), '--trust', join(dir, 'root.pem'), '--json'], { encoding: 'utf8' });
    expect(resultOf(r2.stdout).code).toBe('CERT_EKU_MISSING');
    expect(r2.status).toBe(1);
  });
});
