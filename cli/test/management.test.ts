// End-to-end tests of `xlic pki`, `xlic trust` and `xlic status`: they run the built binary
// (build first: npx tsc -b cli) in a temporary directory and cross-check its output with openssl.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EKU_OIDS } from '@xlic/trust';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const BIN = join(ROOT, 'cli', 'bin', 'xlic.js');
const BAFA = 'Bundesamt für Wirtschaft und Ausfuhrkontrolle';
const METI = 'Ministry of Economy, Trade and Industry';
const PASSPHRASE = 'correct horse battery staple';

let dir: string;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run the real binary in the temp dir; no passphrase unless given in `env`. */
function xlic(args: string[], env: Record<string, string> = {}): Run {
  const base = { ...process.env, NO_COLOR: '1' };
  delete base['XLIC_PASSPHRASE'];
  delete base['XLIC_DEBUG'];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env: { ...base, ...env }, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function openssl(args: string[], env: Record<string, string> = {}): Run {
  const r = spawnSync('openssl', args, { cwd: dir, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const at = (name: string): string => join(dir, name);
const read = (name: string): string => readFileSync(at(name), 'utf8');
const json = (name: string): any => JSON.parse(read(name));

/** The base64 lines of a PEM file: none of them may ever appear in output. */
function pemBody(name: string): string[] {
  return read(name)
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('-----'));
}

function expectNoKeyMaterial(r: Run, ...keyFiles: string[]): void {
  for (const k of keyFiles) for (const line of pemBody(k)) expect(r.stdout + r.stderr).not.toContain(line.slice(0, 32));
  expect(r.stdout + r.stderr).not.toContain('PRIVATE KEY-----');
}

/** A refused command: the exit status, one line on stderr naming the code, no stack trace. */
function expectRefused(r: Run, status: number, code: string): void {
  expect(r.status, r.stderr).toBe(status);
  expect(r.stderr).toContain(code);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

function sha256Fingerprint(cert: string): string {
  const r = openssl(['x509', '-in', cert, '-noout', '-fingerprint', '-sha256']);
  expect(r.status).toBe(0);
  return r.stdout.split('=')[1]!.trim().replace(/:/g, '').toLowerCase();
}

function serialOf(cert: string): string {
  const r = openssl(['x509', '-in', cert, '-noout', '-serial']);
  return r.stdout.split('=')[1]!.trim().toLowerCase();
}

function subjectOf(cert: string): string {
  return openssl(['x509', '-in', cert, '-noout', '-subject', '-nameopt', 'RFC2253,-esc_msb']).stdout.trim();
}

/** A compact JWS around `doc` with a dummy signature: `show` must decode it without verifying. */
function fakeJws(doc: unknown): string {
  const b64 = (s: string) => Buffer.from(s).toString('base64url');
  return `${b64(JSON.stringify({ alg: 'ES256', typ: 'xlic-trust-list+jws' }))}.${b64(JSON.stringify(doc))}.${b64('not a signature')}`;
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'cli', 'dist', 'main.js'))) throw new Error('cli is not built: run npx tsc -b cli first');
  dir = mkdtempSync(join(tmpdir(), 'xlic-management-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('xlic pki', () => {
  it('init creates a DE ES256 root CA with a 0600 key and never prints the key', () => {
    const r = xlic(['pki', 'init', '--country', 'DE', '--agency-id', 'BAFA', '--name', BAFA, '--out-dir', 'de']);
    expect(r.status, r.stderr).toBe(0);
    expect(statSync(at('de/root.key.pem')).mode & 0o777).toBe(0o600);
    expect(read('de/root.key.pem')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(r.stderr).toContain('is not encrypted');
    expectNoKeyMaterial(r, 'de/root.key.pem');
    const text = openssl(['x509', '-in', 'de/root.crt.pem', '-noout', '-text']);
    expect(text.status).toBe(0);
    expect(subjectOf('de/root.crt.pem')).toBe('subject=CN=BAFA Root CA 2026,OU=BAFA,O=Bundesamt für Wirtschaft und Ausfuhrkontrolle,C=DE'.replace('2026', String(new Date().getUTCFullYear())));
    expect(text.stdout).toContain('CA:TRUE');
    expect(text.stdout).toContain('prime256v1');
    expect(text.stdout).toMatch(/Certificate Sign, CRL Sign/);
    expect(r.stdout).toContain(sha256Fingerprint('de/root.crt.pem'));
    expect(r.stdout).toContain(serialOf('de/root.crt.pem'));
  });

  it('init refuses to replace an existing key without --force', () => {
    const before = read('de/root.key.pem');
    const r = xlic(['pki', 'init', '--country', 'DE', '--agency-id', 'BAFA', '--name', BAFA, '--out-dir', 'de']);
    expectRefused(r, 2, 'OUTPUT_EXISTS');
    expect(read('de/root.key.pem')).toBe(before);
  });

  it('init --json reports the certificate as openssl sees it', () => {
    const r = xlic(['pki', 'init', '--country', 'DE', '--agency-id', 'BAFA', '--name', BAFA, '--days', '4000', '--out-dir', 'de2', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.encrypted).toBe(false);
    expect(out.files).toEqual({ certificate: join('de2', 'root.crt.pem'), key: join('de2', 'root.key.pem') });
    expect(out.certificate.sha256).toBe(sha256Fingerprint('de2/root.crt.pem'));
    expect(out.certificate.serialNumber).toBe(serialOf('de2/root.crt.pem'));
    expect(Date.parse(out.certificate.notAfter) - Date.parse(out.certificate.notBefore)).toBe(4000 * 86_400_000);
    expectNoKeyMaterial(r, 'de2/root.key.pem');
  });

  it('init refuses bad flag values with one line and exit status 2', () => {
    expectRefused(xlic(['pki', 'init', '--country', 'de', '--agency-id', 'BAFA', '--name', BAFA, '--out-dir', 'x1']), 2, 'USAGE');
    expectRefused(xlic(['pki', 'init', '--country', 'DE', '--agency-id', 'bafa', '--name', BAFA, '--out-dir', 'x1']), 2, 'USAGE');
    expectRefused(xlic(['pki', 'init', '--country', 'DE', '--agency-id', 'BAFA', '--name', 'x'.repeat(65), '--out-dir', 'x1']), 2, 'USAGE');
    expectRefused(xlic(['pki', 'init', '--country', 'DE', '--agency-id', 'BAFA', '--name', BAFA, '--days', 'ten', '--out-dir', 'x1']), 2, 'USAGE');
    const alg = xlic(['pki', 'init', '--country', 'DE', '--agency-id', 'BAFA', '--name', BAFA, '--alg', 'RS256', '--out-dir', 'x1']);
    expect(alg.status).toBe(2);
    expect(alg.stderr).toContain('Allowed choices are ES256, ES384, EdDSA, PS256');
    expect(existsSync(at('x1'))).toBe(false);
  });

  it('issue writes a license-signing certificate that openssl verifies under the root', () => {
    const r = xlic(['pki', 'issue', '--ca-cert', 'de/root.crt.pem', '--ca-key', 'de/root.key.pem', '--purpose', 'license-signing', '--out', 'de/signer']);
    expect(r.status, r.stderr).toBe(0);
    expect(statSync(at('de/signer.key.pem')).mode & 0o777).toBe(0o600);
    expectNoKeyMaterial(r, 'de/root.key.pem', 'de/signer.key.pem');
    expect(openssl(['verify', '-CAfile', 'de/root.crt.pem', 'de/signer.crt.pem']).stdout.trim()).toBe('de/signer.crt.pem: OK');
    const text = openssl(['x509', '-in', 'de/signer.crt.pem', '-noout', '-text']).stdout;
    expect(subjectOf('de/signer.crt.pem')).toMatch(/^subject=CN=BAFA license-signing signer \d{8},OU=BAFA,O=Bundesamt für Wirtschaft und Ausfuhrkontrolle,C=DE$/);
    expect(text).toContain('CA:FALSE');
    expect(text).toContain(EKU_OIDS['license-signing']);
    expect(r.stdout).toContain(serialOf('de/signer.crt.pem'));
    expect(r.stdout).toContain(sha256Fingerprint('de/signer.crt.pem'));
  });

  it('issue names an end user with --organization, --country and --cn', () => {
    const r = xlic(['pki', 'issue', '--ca-cert', 'de/root.crt.pem', '--ca-key', 'de/root.key.pem', '--purpose', 'declaration-signing', '--organization', 'Schwarzwald Präzisionsmaschinen GmbH', '--cn', 'Export Control Officer', '--days', '90', '--out', 'de/enduser', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(subjectOf('de/enduser.crt.pem')).toBe('subject=CN=Export Control Officer,O=Schwarzwald Präzisionsmaschinen GmbH,C=DE');
    expect(openssl(['x509', '-in', 'de/enduser.crt.pem', '-noout', '-ext', 'extendedKeyUsage']).stdout).toContain(EKU_OIDS['declaration-signing']);
    expect(JSON.parse(r.stdout).certificate.purposes).toEqual(['declaration-signing']);
  });

  it('encrypts keys when XLIC_PASSPHRASE is set (JP, EdDSA), and openssl opens them with it', () => {
    const env = { XLIC_PASSPHRASE: PASSPHRASE };
    const r = xlic(['pki', 'init', '--country', 'JP', '--agency-id', 'METI', '--name', METI, '--alg', 'EdDSA', '--out-dir', 'jp'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(read('jp/root.key.pem')).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
    expect(r.stdout + r.stderr).not.toContain(PASSPHRASE);
    const pkey = openssl(['pkey', '-in', 'jp/root.key.pem', '-passin', 'env:XLIC_PASSPHRASE', '-noout', '-text'], env);
    expect(pkey.status, pkey.stderr).toBe(0);
    expect(pkey.stdout).toContain('ED25519');
    expect(openssl(['pkey', '-in', 'jp/root.key.pem', '-passin', 'pass:wrong', '-noout'], env).status).not.toBe(0);
    expect(openssl(['x509', '-in', 'jp/root.crt.pem', '-noout', '-text']).stdout).toContain('ED25519');

    const issued = xlic(['pki', 'issue', '--ca-cert', 'jp/root.crt.pem', '--ca-key', 'jp/root.key.pem', '--purpose', 'list-signing', '--alg', 'EdDSA', '--out', 'jp/list'], env);
    expect(issued.status, issued.stderr).toBe(0);
    expect(read('jp/list.key.pem')).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
    expectNoKeyMaterial(issued, 'jp/root.key.pem', 'jp/list.key.pem');
    expect(openssl(['verify', '-CAfile', 'jp/root.crt.pem', 'jp/list.crt.pem']).stdout.trim()).toBe('jp/list.crt.pem: OK');
  });

  it('reads the passphrase from the variable named by --passphrase-env, and needs one for an encrypted key', () => {
    const viaFlag = xlic(['pki', 'issue', '--ca-cert', 'jp/root.crt.pem', '--ca-key', 'jp/root.key.pem', '--passphrase-env', 'METI_CA_PASS', '--purpose', 'license-signing', '--out', 'jp/signer'], { METI_CA_PASS: PASSPHRASE });
    expect(viaFlag.status, viaFlag.stderr).toBe(0);
    expect(openssl(['pkey', '-in', 'jp/signer.key.pem', '-passin', 'env:P', '-noout'], { P: PASSPHRASE }).status).toBe(0);
    expectRefused(xlic(['pki', 'issue', '--ca-cert', 'jp/root.crt.pem', '--ca-key', 'jp/root.key.pem', '--purpose', 'license-signing', '--out', 'jp/nopass']), 2, 'KEY_PASSPHRASE_REQUIRED');
    expectRefused(xlic(['pki', 'issue', '--ca-cert', 'jp/root.crt.pem', '--ca-key', 'jp/root.key.pem', '--purpose', 'license-signing', '--out', 'jp/nopass'], { XLIC_PASSPHRASE: 'wrong' }), 2, 'KEY_PASSPHRASE_WRONG');
    expectRefused(xlic(['pki', 'issue', '--ca-cert', 'jp/root.crt.pem', '--ca-key', 'jp/root.key.pem', '--passphrase-env', 'UNSET_VAR', '--purpose', 'license-signing', '--out', 'jp/nopass']), 2, 'USAGE');
    expect(existsSync(at('jp/nopass.key.pem'))).toBe(false);
  });

  it('refuses a CA key that others can read (KEY_FILE_PERMISSIONS)', () => {
    writeFileSync(at('de/open.key.pem'), read('de/root.key.pem'), { mode: 0o644 });
    chmodSync(at('de/open.key.pem'), 0o644);
    const r = xlic(['pki', 'issue', '--ca-cert', 'de/root.crt.pem', '--ca-key', 'de/open.key.pem', '--purpose', 'license-signing', '--out', 'de/never']);
    expectRefused(r, 2, 'KEY_FILE_PERMISSIONS');
    expect(r.stderr).toContain('chmod 600');
    expect(existsSync(at('de/never.crt.pem'))).toBe(false);
  });

  it('refuses a CA key that does not belong to the CA certificate, and a signer certificate as CA', () => {
    expectRefused(xlic(['pki', 'issue', '--ca-cert', 'de/root.crt.pem', '--ca-key', 'de2/root.key.pem', '--purpose', 'license-signing', '--out', 'de/never']), 2, 'PKI_CA_MISMATCH');
    expectRefused(xlic(['pki', 'issue', '--ca-cert', 'de/signer.crt.pem', '--ca-key', 'de/signer.key.pem', '--purpose', 'license-signing', '--out', 'de/never']), 2, 'PKI_CA_UNSUITABLE');
    expectRefused(xlic(['pki', 'issue', '--ca-cert', 'de/missing.crt.pem', '--ca-key', 'de/root.key.pem', '--purpose', 'license-signing', '--out', 'de/never']), 2, 'INPUT_NOT_FOUND');
    expectRefused(xlic(['pki', 'issue', '--ca-cert', 'de/root.crt.pem', '--ca-key', 'de/root.key.pem', '--purpose', 'license-signing', '--days', '900', '--out', 'de/never']), 2, 'USAGE');
    expect(existsSync(at('de/never.key.pem'))).toBe(false);
    expectRefused(xlic(['pki', 'issue', '--ca-cert', 'de/root.crt.pem', '--ca-key', 'de/root.key.pem', '--purpose', 'license-signing', '--out', 'de/signer']), 2, 'OUTPUT_EXISTS');
  });

  it('rotate issues a new key and certificate with the same subject and purpose', () => {
    const r = xlic(['pki', 'rotate', '--ca-cert', 'de/root.crt.pem', '--ca-key', 'de/root.key.pem', '--cert', 'de/signer.crt.pem', '--out', 'de/signer2']);
    expect(r.status, r.stderr).toBe(0);
    expectNoKeyMaterial(r, 'de/root.key.pem', 'de/signer2.key.pem');
    expect(subjectOf('de/signer2.crt.pem')).toBe(subjectOf('de/signer.crt.pem'));
    expect(serialOf('de/signer2.crt.pem')).not.toBe(serialOf('de/signer.crt.pem'));
    expect(read('de/signer2.key.pem')).not.toBe(read('de/signer.key.pem'));
    expect(openssl(['x509', '-in', 'de/signer2.crt.pem', '-noout', '-ext', 'extendedKeyUsage']).stdout).toContain(EKU_OIDS['license-signing']);
    expect(openssl(['verify', '-CAfile', 'de/root.crt.pem', 'de/signer2.crt.pem']).status).toBe(0);
    expect(r.stdout).toContain(serialOf('de/signer.crt.pem'));
    expect(r.stdout).toContain(serialOf('de/signer2.crt.pem'));
    expect(r.stdout).toContain('stays valid until');
    expectRefused(xlic(['pki', 'rotate', '--ca-cert', 'jp/root.crt.pem', '--ca-key', 'jp/root.key.pem', '--cert', 'de/signer.crt.pem', '--out', 'jp/x'], { XLIC_PASSPHRASE: PASSPHRASE }), 2, 'PKI_CA_MISMATCH');
  });

  it('crl revokes a certificate, and a later CRL carries it over with the next CRL number', () => {
    const r = xlic(['pki', 'crl', '--ca-cert', 'de/root.crt.pem', '--ca-key', 'de/root.key.pem', '--revoke', 'de/signer.crt.pem', '--reason', 'keyCompromise', '--out', 'de/root.crl.pem']);
    expect(r.status, r.stderr).toBe(0);
    const serial = serialOf('de/signer.crt.pem').toUpperCase();
    let text = openssl(['crl', '-in', 'de/root.crl.pem', '-noout', '-text']);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(`Serial Number: ${serial}`);
    expect(text.stdout).toContain('Key Compromise');
    expect(text.stdout).toMatch(/CRL Number: \n\s+1\n/);
    expect(openssl(['crl', '-in', 'de/root.crl.pem', '-CAfile', 'de/root.crt.pem', '-noout']).stderr).toContain('verify OK');
    const chk = openssl(['verify', '-crl_check', '-CAfile', 'de/root.crt.pem', '-CRLfile', 'de/root.crl.pem', 'de/signer.crt.pem']);
    expect(chk.status).not.toBe(0);
    expect(chk.stdout + chk.stderr).toContain('certificate revoked');
    expect(openssl(['verify', '-crl_check', '-CAfile', 'de/root.crt.pem', '-CRLfile', 'de/root.crl.pem', 'de/signer2.crt.pem']).status).toBe(0);

    // Without --previous an existing CRL is not replaced: its entries would be lost.
    expectRefused(xlic(['pki', 'crl', '--ca-cert', 'de/root.crt.pem', '--ca-key', 'de/root.key.pem', '--out', 'de/root.crl.pem']), 2, 'OUTPUT_EXISTS');

    const next = xlic(['pki', 'crl', '--ca-cert', 'de/root.crt.pem', '--ca-key', 'de/root.key.pem', '--previous', 'de/root.crl.pem', '--revoke', 'de/enduser.crt.pem', '--reason', 'superseded', '--revoke-serial', '0A:0B', '--out', 'de/root.crl.pem', '--json']);
    expect(next.status, next.stderr).toBe(0);
    const out = JSON.parse(next.stdout);
    expect(out.crlNumber).toBe(2);
    expect(out.carriedOver).toBe(1);
    expect(out.added.map((a: { serialNumber: string }) => a.serialNumber)).toEqual([serialOf('de/enduser.crt.pem'), '0a0b']);
    text = openssl(['crl', '-in', 'de/root.crl.pem', '-noout', '-text']);
    expect(text.stdout).toContain(`Serial Number: ${serial}`);
    expect(text.stdout).toContain(`Serial Number: ${serialOf('de/enduser.crt.pem').toUpperCase()}`);
    expect(text.stdout).toContain('Serial Number: 0A0B');
    expect(text.stdout).toContain('Key Compromise');
    expect(text.stdout).toContain('Superseded');
    expect(text.stdout).toMatch(/CRL Number: \n\s+2\n/);
  });

  it('crl refuses a previous CRL whose signature does not verify', () => {
    const der = spawnSync('openssl', ['crl', '-in', 'de/root.crl.pem', '-outform', 'DER'], { cwd: dir }).stdout;
    expect(der.length).toBeGreaterThan(100);
    der[der.length - 1] ^= 0x01; // last byte of the signature's s: the structure stays valid
    writeFileSync(at('de/tampered.crl'), der);
    expectRefused(xlic(['pki', 'crl', '--ca-cert', 'de/root.crt.pem', '--ca-key', 'de/root.key.pem', '--previous', 'de/tampered.crl', '--out', 'de/next.crl.pem']), 1, 'CRL_INVALID');
    expect(existsSync(at('de/next.crl.pem'))).toBe(false);
  });

  it.each(['ES384', 'PS256'])('%s: root, signer and two CRLs pass openssl', (alg) => {
    const d = alg.toLowerCase();
    expect(xlic(['pki', 'init', '--country', 'FR', '--agency-id', 'SBDU', '--name', 'Service des biens à double usage', '--alg', alg, '--out-dir', d]).status).toBe(0);
    expect(xlic(['pki', 'issue', '--ca-cert', `${d}/root.crt.pem`, '--ca-key', `${d}/root.key.pem`, '--purpose', 'license-signing', '--alg', alg, '--out', `${d}/signer`]).status).toBe(0);
    expect(openssl(['verify', '-CAfile', `${d}/root.crt.pem`, `${d}/signer.crt.pem`]).stdout.trim()).toBe(`${d}/signer.crt.pem: OK`);
    expect(xlic(['pki', 'crl', '--ca-cert', `${d}/root.crt.pem`, '--ca-key', `${d}/root.key.pem`, '--revoke', `${d}/signer.crt.pem`, '--out', `${d}/root.crl.pem`]).status).toBe(0);
    const next = xlic(['pki', 'crl', '--ca-cert', `${d}/root.crt.pem`, '--ca-key', `${d}/root.key.pem`, '--previous', `${d}/root.crl.pem`, '--out', `${d}/root.crl.pem`, '--json']);
    expect(next.status, next.stderr).toBe(0);
    expect(JSON.parse(next.stdout)).toMatchObject({ crlNumber: 2, carriedOver: 1, entries: 1 });
    expect(openssl(['crl', '-in', `${d}/root.crl.pem`, '-CAfile', `${d}/root.crt.pem`, '-noout']).stderr).toContain('verify OK');
    expect(openssl(['crl', '-in', `${d}/root.crl.pem`, '-noout', '-text']).stdout).toContain(`Serial Number: ${serialOf(`${d}/signer.crt.pem`).toUpperCase()}`);
  });

  it('crl refuses certificates and previous CRLs of another CA', () => {
    const env = { XLIC_PASSPHRASE: PASSPHRASE };
    expectRefused(xlic(['pki', 'crl', '--ca-cert', 'jp/root.crt.pem', '--ca-key', 'jp/root.key.pem', '--revoke', 'de/signer.crt.pem', '--out', 'jp/root.crl.pem'], env), 2, 'PKI_CA_MISMATCH');
    expectRefused(xlic(['pki', 'crl', '--ca-cert', 'jp/root.crt.pem', '--ca-key', 'jp/root.key.pem', '--previous', 'de/root.crl.pem', '--out', 'jp/root.crl.pem'], env), 2, 'PKI_CA_MISMATCH');
    expectRefused(xlic(['pki', 'crl', '--ca-cert', 'de/root.crt.pem', '--ca-key', 'de/root.key.pem', '--revoke-serial', 'xyz', '--out', 'de/other.crl.pem']), 2, 'USAGE');
    expect(existsSync(at('jp/root.crl.pem'))).toBe(false);
  });
});

describe('xlic trust', () => {
  it('create, add, show, remove round trip; every version validates', () => {
    const create = xlic(['trust', 'create', '--id', 'DE-BAFA-TRUST', '--country', 'DE', '--agency-id', 'BAFA', '--name', BAFA, '--out', 'trust.json']);
    expect(create.status, create.stderr).toBe(0);
    expect(json('trust.json')).toMatchObject({ documentType: 'trust-list', id: 'DE-BAFA-TRUST', sequence: 1, entries: [] });
    expect(xlic(['validate', 'trust.json']).status).toBe(0);

    const addJp = xlic(['trust', 'add', 'trust.json', '--root', 'jp/root.crt.pem', '--country', 'JP', '--agency-id', 'METI', '--name', METI, '--roles', 'license-issuer,status-publisher,trust-list-publisher']);
    expect(addJp.status, addJp.stderr).toBe(0);
    const addDe = xlic(['trust', 'add', 'trust.json', '--root', 'de/root.crt.pem', '--country', 'DE', '--agency-id', 'BAFA', '--name', BAFA, '--roles', 'license-issuer', '--valid-until', '2030-12-31', '--json']);
    expect(addDe.status, addDe.stderr).toBe(0);
    expect(JSON.parse(addDe.stdout)).toMatchObject({ action: 'entry-added', sequence: 3, validUntil: '2030-12-31T00:00:00Z' });
    expect(xlic(['validate', 'trust.json']).status).toBe(0);

    const list = json('trust.json');
    expect(list.sequence).toBe(3);
    expect(Date.parse(list.nextUpdate) - Date.parse(list.issuedAt)).toBe(30 * 86_400_000);
    const jp = list.entries.find((e: any) => e.agency.agencyId === 'METI');
    expect(jp.roles).toEqual(['license-issuer', 'status-publisher', 'trust-list-publisher']);
    expect(jp.certificates).toHaveLength(1);
    expect(jp.certificates[0].sha256).toBe(sha256Fingerprint('jp/root.crt.pem'));
    const der = spawnSync('openssl', ['x509', '-in', 'jp/root.crt.pem', '-outform', 'DER'], { cwd: dir }).stdout;
    expect(jp.certificates[0].x5c).toBe(der.toString('base64'));

    // A second root of an agency already listed (key rollover) joins its entry.
    const rollover = xlic(['trust', 'add', 'trust.json', '--root', 'de2/root.crt.pem', '--country', 'DE', '--agency-id', 'BAFA', '--name', BAFA, '--json']);
    expect(rollover.status, rollover.stderr).toBe(0);
    expect(JSON.parse(rollover.stdout).action).toBe('certificates-added');
    const de = json('trust.json').entries.find((e: any) => e.agency.agencyId === 'BAFA');
    expect(de.certificates.map((c: any) => c.sha256)).toEqual([sha256Fingerprint('de/root.crt.pem'), sha256Fingerprint('de2/root.crt.pem')]);
    expect(de.roles).toEqual(['license-issuer']);
    expect(xlic(['validate', 'trust.json']).status).toBe(0);

    const show = xlic(['trust', 'show', 'trust.json']);
    expect(show.status, show.stderr).toBe(0);
    expect(show.stdout).toContain('JP METI');
    expect(show.stdout).toContain('DE BAFA');
    expect(show.stdout).toContain('license-issuer, status-publisher, trust-list-publisher');
    expect(show.stdout).toContain('CN=METI Root CA');
    expect(show.stdout).toContain(sha256Fingerprint('de2/root.crt.pem'));
    expect(show.stdout).not.toContain('NOT VERIFIED');
    expect(show.stdout).not.toContain('✗');

    const removeOne = xlic(['trust', 'remove', 'trust.json', '--thumbprint', sha256Fingerprint('de/root.crt.pem')]);
    expect(removeOne.status, removeOne.stderr).toBe(0);
    expect(json('trust.json').entries.find((e: any) => e.agency.agencyId === 'BAFA').certificates).toHaveLength(1);
    const removeAgency = xlic(['trust', 'remove', 'trust.json', '--country', 'JP', '--agency-id', 'METI', '--json']);
    expect(removeAgency.status, removeAgency.stderr).toBe(0);
    expect(JSON.parse(removeAgency.stdout)).toMatchObject({ action: 'entry-removed', sequence: 6, removed: [sha256Fingerprint('jp/root.crt.pem')] });
    expect(json('trust.json').entries.map((e: any) => e.agency.agencyId)).toEqual(['BAFA']);
    expect(xlic(['validate', 'trust.json']).status).toBe(0);

    // Removing the last root of an agency removes the agency.
    expect(xlic(['trust', 'remove', 'trust.json', '--thumbprint', sha256Fingerprint('de2/root.crt.pem')]).status).toBe(0);
    expect(json('trust.json').entries).toEqual([]);
    expect(xlic(['validate', 'trust.json']).status).toBe(0);
  });

  it('show decodes a JWS without verifying it, and says so', () => {
    const add = xlic(['trust', 'add', 'trust.json', '--root', 'jp/root.crt.pem', '--country', 'JP', '--agency-id', 'METI', '--name', METI, '--roles', 'license-issuer']);
    expect(add.status, add.stderr).toBe(0);
    writeFileSync(at('trust.jws'), fakeJws(json('trust.json')));
    const r = xlic(['trust', 'show', 'trust.jws']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('NOT VERIFIED');
    expect(r.stdout).toContain('use xlic trust verify');
    expect(r.stdout).toContain('JP METI');
    const j = JSON.parse(xlic(['trust', 'show', 'trust.jws', '--json']).stdout);
    expect(j).toMatchObject({ signed: true, verified: false, id: 'DE-BAFA-TRUST' });
    expect(j.warning).toContain('not verified');
    expect(j.entries[0].roots[0]).toMatchObject({ sha256: sha256Fingerprint('jp/root.crt.pem'), thumbprintMatches: true });
  });

  it('show flags a thumbprint that does not match its certificate', () => {
    const list = json('trust.json');
    list.entries[0].certificates[0].sha256 = '0'.repeat(64);
    writeFileSync(at('tampered.json'), JSON.stringify(list));
    const r = xlic(['trust', 'show', 'tampered.json']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('does not match the certificate');
    expect(JSON.parse(xlic(['trust', 'show', 'tampered.json', '--json']).stdout).entries[0].roots[0].thumbprintMatches).toBe(false);
  });

  it('refuses bad input with one line and the documented exit status, leaving the list untouched', () => {
    const before = read('trust.json');
    const add = (extra: string[], file = 'trust.json') => xlic(['trust', 'add', file, '--root', 'de/root.crt.pem', '--country', 'DE', '--agency-id', 'BAFA', '--name', BAFA, ...extra]);
    expectRefused(add(['--roles', 'license-issuer'], 'missing.json'), 2, 'INPUT_NOT_FOUND');
    expectRefused(add(['--roles', 'king']), 2, 'USAGE');
    expectRefused(add([]), 2, 'USAGE'); // a new agency needs --roles
    expectRefused(add(['--roles', 'license-issuer', '--valid-from', '2030-01-01', '--valid-until', '2029-01-01']), 2, 'LIST_EDIT_INVALID');
    expectRefused(add(['--roles', 'license-issuer', '--valid-from', 'tomorrow']), 2, 'USAGE');
    expectRefused(add(['--roles', 'license-issuer', '--next-update-days', '0']), 2, 'USAGE');
    expectRefused(xlic(['trust', 'add', 'trust.json', '--root', 'jp/root.crt.pem', '--country', 'JP', '--agency-id', 'METI', '--name', METI]), 2, 'LIST_ENTRY_EXISTS');
    expectRefused(xlic(['trust', 'add', 'trust.json', '--root', 'de/root.crt.pem', '--country', 'FR', '--agency-id', 'SBDU', '--name', 'SBDU', '--roles', 'customs']), 2, 'TRUST_ROOT_UNSUITABLE');
    expectRefused(xlic(['trust', 'add', 'trust.json', '--root', 'de/signer2.crt.pem', '--country', 'DE', '--agency-id', 'BAFA', '--name', BAFA, '--roles', 'customs']), 2, 'TRUST_ROOT_UNSUITABLE');
    expectRefused(xlic(['trust', 'add', 'trust.json', '--root', 'de/root.key.pem', '--country', 'DE', '--agency-id', 'BAFA', '--name', BAFA, '--roles', 'customs']), 2, 'INPUT_UNREADABLE');
    expectRefused(xlic(['trust', 'add', 'trust.jws', '--root', 'de/root.crt.pem', '--country', 'DE', '--agency-id', 'BAFA', '--name', BAFA, '--roles', 'customs']), 2, 'USAGE');
    expectRefused(xlic(['trust', 'remove', 'trust.json', '--country', 'FR', '--agency-id', 'SBDU']), 2, 'LIST_ENTRY_NOT_FOUND');
    expectRefused(xlic(['trust', 'remove', 'trust.json', '--thumbprint', 'abc']), 2, 'USAGE');
    expectRefused(xlic(['trust', 'remove', 'trust.json']), 2, 'USAGE');
    expect(read('trust.json')).toBe(before);

    // An invalid list is reported with its own finding code (exit 1), and not edited.
    const invalid = join(ROOT, 'examples', 'invalid', 'trust-list-next-update-before-issue.json');
    writeFileSync(at('invalid.json'), readFileSync(invalid));
    expectRefused(add(['--roles', 'license-issuer'], 'invalid.json'), 1, 'NEXT_UPDATE_NOT_AFTER_ISSUE');
    expect(readFileSync(at('invalid.json'))).toEqual(readFileSync(invalid));
    expectRefused(xlic(['trust', 'show', join(ROOT, 'examples', 'lists', 'de-bafa-status-list.json')]), 2, 'USAGE');

    expectRefused(xlic(['trust', 'create', '--id', 'X', '--country', 'DE', '--agency-id', 'BAFA', '--name', BAFA, '--out', 'trust.json']), 2, 'OUTPUT_EXISTS');
    expectRefused(xlic(['trust', 'create', '--id', 'X-1', '--country', 'XX', '--agency-id', 'BAFA', '--name', BAFA, '--out', 'xx.json']), 2, 'LIST_EDIT_INVALID');
    expect(existsSync(at('xx.json'))).toBe(false);
    expectRefused(xlic(['trust', 'create', '--id', 'bad id', '--country', 'DE', '--agency-id', 'BAFA', '--name', BAFA, '--out', 'yy.json']), 2, 'USAGE');
  });
});

describe('xlic status', () => {
  const sha = 'a3f1c2d4e5b60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00';

  it('create, add, replace, remove; every version validates', () => {
    const create = xlic(['status', 'create', '--id', 'DE-BAFA-STATUS', '--country', 'DE', '--agency-id', 'BAFA', '--name', BAFA, '--out', 'status.json']);
    expect(create.status, create.stderr).toBe(0);
    let list = json('status.json');
    expect(list).toMatchObject({ documentType: 'status-list', sequence: 1, entries: [] });
    expect(Date.parse(list.nextUpdate) - Date.parse(list.issuedAt)).toBe(7 * 86_400_000);

    const add = (args: string[]) => xlic(['status', 'add', 'status.json', ...args]);
    expect(add(['--license', 'DE-BAFA-EA-2026-004410', '--status', 'suspended', '--reason', 'compliance']).status).toBe(0);
    const revoke = add(['--license', 'DE-BAFA-EA-2025-009931', '--status', 'revoked', '--reason', 'end-use-concern', '--text', 'Information on diversion.', '--effective', '2026-10-14T12:00:00+02:00', '--json']);
    expect(revoke.status, revoke.stderr).toBe(0);
    expect(JSON.parse(revoke.stdout)).toMatchObject({ action: 'entry-added', sequence: 3, entry: { effectiveAt: '2026-10-14T10:00:00Z', reasonText: 'Information on diversion.' } });
    const amend = add(['--license', 'DE-BAFA-EA-2026-011872', '--status', 'amended', '--reason', 'amendment', '--successor', 'DE-BAFA-EA-2026-011872-A1', '--successor-sha256', sha]);
    expect(amend.status, amend.stderr).toBe(0);
    expect(xlic(['validate', 'status.json']).status).toBe(0);

    // A suspension may become a revocation: the entry is replaced, not duplicated.
    const escalate = add(['--license', 'DE-BAFA-EA-2026-004410', '--status', 'revoked', '--reason', 'compliance', '--json']);
    expect(escalate.status, escalate.stderr).toBe(0);
    expect(JSON.parse(escalate.stdout)).toMatchObject({ action: 'entry-replaced', previous: { status: 'suspended' } });
    list = json('status.json');
    expect(list.sequence).toBe(5);
    expect(list.entries.map((e: any) => [e.licenseId, e.status])).toEqual([
      ['DE-BAFA-EA-2026-004410', 'revoked'],
      ['DE-BAFA-EA-2025-009931', 'revoked'],
      ['DE-BAFA-EA-2026-011872', 'amended'],
    ]);
    expect(list.entries[2].successor).toEqual({ id: 'DE-BAFA-EA-2026-011872-A1', sha256: sha });
    expect(xlic(['validate', 'status.json']).status).toBe(0);

    expect(add(['--license', 'DE-BAFA-EA-2026-000001', '--status', 'suspended', '--reason', 'holder-request']).status).toBe(0);
    const lift = xlic(['status', 'remove', 'status.json', '--license', 'DE-BAFA-EA-2026-000001']);
    expect(lift.status, lift.stderr).toBe(0);
    expect(json('status.json').entries).toHaveLength(3);
    expect(xlic(['validate', 'status.json']).status).toBe(0);

    const show = xlic(['status', 'show', 'status.json']);
    expect(show.status).toBe(0);
    expect(show.stdout).toMatch(/DE-BAFA-EA-2025-009931\s+revoked\s+end-use-concern\s+2026-10-14T10:00:00Z\s+Information on diversion\./);
    expect(show.stdout).toContain('replaced by DE-BAFA-EA-2026-011872-A1');
    writeFileSync(at('status.jws'), fakeJws(json('status.json')));
    const shown = xlic(['status', 'show', 'status.jws']);
    expect(shown.stdout).toContain('NOT VERIFIED');
    expect(JSON.parse(xlic(['status', 'show', 'status.jws', '--json']).stdout)).toMatchObject({ signed: true, verified: false, sequence: 7 });
  });

  it('refuses final statuses, incomplete amendments and bad values, leaving the list untouched', () => {
    const before = read('status.json');
    const add = (args: string[]) => xlic(['status', 'add', 'status.json', ...args]);
    expectRefused(add(['--license', 'DE-BAFA-EA-2025-009931', '--status', 'suspended', '--reason', 'error']), 2, 'STATUS_TRANSITION_REFUSED');
    expectRefused(add(['--license', 'DE-BAFA-EA-2026-011872', '--status', 'suspended', '--reason', 'error']), 2, 'STATUS_TRANSITION_REFUSED');
    expectRefused(add(['--license', 'DE-9', '--status', 'amended', '--reason', 'amendment']), 2, 'USAGE');
    expectRefused(add(['--license', 'DE-9', '--status', 'revoked', '--reason', 'error', '--successor', 'DE-10', '--successor-sha256', sha]), 2, 'USAGE');
    expectRefused(add(['--license', 'DE-9', '--status', 'amended', '--reason', 'amendment', '--successor', 'DE-10', '--successor-sha256', 'abc']), 2, 'USAGE');
    expectRefused(add(['--license', 'DE 9', '--status', 'revoked', '--reason', 'error']), 2, 'USAGE');
    expectRefused(add(['--license', 'DE-9', '--status', 'revoked', '--reason', 'error', '--effective', '14.10.2026']), 2, 'USAGE');
    const bad = add(['--license', 'DE-9', '--status', 'withdrawn', '--reason', 'error']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Allowed choices are revoked, suspended, amended');
    expectRefused(xlic(['status', 'remove', 'status.json', '--license', 'DE-BAFA-EA-2025-009931']), 2, 'STATUS_TRANSITION_REFUSED');
    expectRefused(xlic(['status', 'remove', 'status.json', '--license', 'DE-404']), 2, 'LIST_ENTRY_NOT_FOUND');
    expectRefused(xlic(['status', 'add', 'trust.json', '--license', 'DE-9', '--status', 'revoked', '--reason', 'error']), 2, 'USAGE');
    expect(read('status.json')).toBe(before);

    const invalid = join(ROOT, 'examples', 'invalid', 'status-duplicate-entry.json');
    writeFileSync(at('status-invalid.json'), readFileSync(invalid));
    expectRefused(xlic(['status', 'add', 'status-invalid.json', '--license', 'DE-9', '--status', 'revoked', '--reason', 'error']), 1, 'STATUS_DUPLICATE_ENTRY');
    expect(readFileSync(at('status-invalid.json'))).toEqual(readFileSync(invalid));
  });
});

describe('help', () => {
  const commands = [
    ['pki', 'init'],
    ['pki', 'issue'],
    ['pki', 'rotate'],
    ['pki', 'crl'],
    ['trust', 'create'],
    ['trust', 'add'],
    ['trust', 'remove'],
    ['trust', 'show'],
    ['status', 'create'],
    ['status', 'add'],
    ['status', 'remove'],
    ['status', 'show'],
  ];
  it.each(commands)('xlic %s %s --help shows examples and --json', (group, command) => {
    const r = xlic([group!, command!, '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain(`$ xlic ${group} ${command}`);
    expect(r.stdout).toContain('--json');
  });
});
