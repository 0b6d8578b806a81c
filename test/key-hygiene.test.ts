// Private keys never leak and are never weakly protected:
// - key files are written 0600 and refused when group or others may read them (KEY_FILE_PERMISSIONS);
// - encrypted PKCS#8 works end to end through the CLI (pki init / issue / crl with XLIC_PASSPHRASE,
//   sign with it, openssl reads the keys with the same passphrase);
// - EVERY output of a full CLI session (all commands, human and --json, error paths) is searched
//   for any line of any private key PEM (as written, and decrypted) and for the passphrase.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '..');
const xlic = join(repo, 'cli/bin/xlic.js');
const PASSPHRASE = 'correct horse battery staple 7f3a';
const dir = mkdtempSync(join(tmpdir(), 'xlic-keys-'));
const outputs: Array<{ args: string; text: string }> = [];
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Run xlic in the session directory; every byte it prints is kept for the leak search. */
function x(args: string[], expectStatus: number | number[], env: Record<string, string | undefined> = { XLIC_PASSPHRASE: PASSPHRASE }) {
  const r = spawnSync(process.execPath, [xlic, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, XLIC_PASSPHRASE: undefined, ...env } });
  outputs.push({ args: args.join(' '), text: `${r.stdout}\n${r.stderr}` });
  const allowed = Array.isArray(expectStatus) ? expectStatus : [expectStatus];
  expect(allowed, `xlic ${args.join(' ')} exited ${r.status}: ${r.stderr}`).toContain(r.status);
  return r;
}
const mode = (p: string) => statSync(join(dir, p)).mode & 0o777;
const AT = new Date(Date.now() + 60_000).toISOString().replace(/\.\d+Z$/, 'Z');

beforeAll(() => {
  copyFileSync(join(repo, 'examples/licenses/de-bafa-individual-2b001-jp.json'), join(dir, 'license.json'));
  const name = 'Bundesamt für Wirtschaft und Ausfuhrkontrolle';
  // Agency set-up, encrypted keys throughout.
  x(['pki', 'init', '--country', 'DE', '--agency-id', 'BAFA', '--name', name, '--out-dir', 'pki'], 0);
  x(['pki', 'init', '--country', 'DE', '--agency-id', 'BAFA', '--name', name, '--out-dir', 'pki', '--json'], 2); // OUTPUT_EXISTS
  x(['pki', 'issue', '--ca-cert', 'pki/root.crt.pem', '--ca-key', 'pki/root.key.pem', '--purpose', 'license-signing', '-o', 'pki/license'], 0);
  x(['pki', 'issue', '--ca-cert', 'pki/root.crt.pem', '--ca-key', 'pki/root.key.pem', '--purpose', 'list-signing', '-o', 'pki/list', '--json'], 0);
  x(['pki', 'rotate', '--ca-cert', 'pki/root.crt.pem', '--ca-key', 'pki/root.key.pem', '--cert', 'pki/license.crt.pem', '-o', 'pki/license2', '--json'], 0);
  x(['pki', 'crl', '--ca-cert', 'pki/root.crt.pem', '--ca-key', 'pki/root.key.pem', '--revoke', 'pki/license2.crt.pem', '--reason', 'superseded', '-o', 'pki/root.crl.pem'], 0);
  x(['pki', 'crl', '--ca-cert', 'pki/root.crt.pem', '--ca-key', 'pki/root.key.pem', '--previous', 'pki/root.crl.pem', '-o', 'pki/root.crl.pem', '--json'], 0);
  // Lists.
  x(['trust', 'create', '--id', 'DE-BAFA-TL', '--country', 'DE', '--agency-id', 'BAFA', '--name', name, '-o', 'trust.json'], 0);
  x(['trust', 'add', 'trust.json', '--root', 'pki/root.crt.pem', '--country', 'DE', '--agency-id', 'BAFA', '--name', name, '--roles', 'license-issuer,trust-list-publisher,status-publisher'], 0);
  x(['status', 'create', '--id', 'DE-BAFA-STATUS', '--country', 'DE', '--agency-id', 'BAFA', '--name', name, '-o', 'status.json', '--json'], 0);
  x(['status', 'add', 'status.json', '--license', 'DE-BAFA-EA-2026-000001', '--status', 'suspended', '--reason', 'compliance'], 0);
  // Signing with encrypted keys.
  x(['sign', 'license.json', '--key', 'pki/license.key.pem', '--cert', 'pki/license.crt.pem', '-o', 'license.jws'], 0);
  x(['sign', 'trust.json', '--key', 'pki/list.key.pem', '--cert', 'pki/list.crt.pem', '-o', 'trust.jws', '--json'], 0);
  x(['sign', 'status.json', '--key', 'pki/list.key.pem', '--cert', 'pki/list.crt.pem', '-o', 'status.jws'], 0);
  x(['sign', 'status.json', '--key', 'pki/list.key.pem', '--cert', 'pki/list.crt.pem', '-o', 'status.jws'], 2); // SEQUENCE_ROLLBACK
  x(['sign', 'license.json', '--key', 'pki/license.key.pem', '--cert', 'pki/license.crt.pem', '--json'], 0); // to stdout
  x(['cosign', 'license.jws', '--key', 'pki/license2.key.pem', '--cert', 'pki/license2.crt.pem'], [0, 1, 2]);
  x(['bundle', '--trust', 'trust.jws', '--status', 'status.jws', '--crl', 'pki/root.crl.pem', '--key', 'pki/list.key.pem', '--cert', 'pki/list.crt.pem', '-o', 'border.bundle.jws'], 0);
  // Verifying, human and JSON.
  x(['verify', 'license.jws', '--trust', 'trust.jws', '--status', 'status.jws', '--crl', 'pki/root.crl.pem', '--at', AT], 0);
  x(['verify', 'license.jws', '--trust', 'trust.jws', '--at', AT, '--json'], 0);
  x(['verify', 'license.jws', '--bundle', 'border.bundle.jws', '--at', AT], 0);
  x(['verify', 'license.jws', '--trust', 'pki/root.crt.pem', '--at', AT, '--json'], 0);
  x(['verify', 'pki/license.key.pem', '--trust', 'trust.jws', '--at', AT], [1, 2]);
  x(['render', 'license.jws', '-o', 'license.pdf', '--json'], 0);
  x(['verify', 'license.pdf', '--trust', 'trust.jws', '--at', AT], [0, 1]);
  x(['trust', 'verify', 'trust.jws', '--at', AT], 0);
  x(['trust', 'show', 'trust.jws', '--json'], 0);
  x(['status', 'show', 'status.jws'], 0);
  x(['cert', 'verify', 'pki/license.crt.pem', '--trust', 'pki/root.crt.pem', '--purpose', 'license-signing', '--at', AT, '--json'], 0);
  x(['validate', 'license.json', 'trust.json', 'status.json'], 0);
  x(['validate', 'pki/license.key.pem', '--json'], 2);
  // Error paths around keys.
  x(['sign', 'license.json', '--key', 'pki/license.key.pem', '--cert', 'pki/license.crt.pem'], 2, {}); // KEY_PASSPHRASE_REQUIRED
  x(['sign', 'license.json', '--key', 'pki/license.key.pem', '--cert', 'pki/license.crt.pem', '--json'], 2, { XLIC_PASSPHRASE: 'wrong ' + PASSPHRASE }); // KEY_PASSPHRASE_WRONG
  x(['sign', 'license.json', '--key', 'pki/list.key.pem', '--cert', 'pki/license.crt.pem'], 2); // SIGN_KEY_MISMATCH
  x(['sign', 'license.json', '--key', 'pki/license.crt.pem', '--cert', 'pki/license.crt.pem'], 2); // a certificate as key
  x(['sign', 'license.json', '--key', 'pki/license.key.pem', '--cert', 'pki/license.key.pem'], 2); // a key as certificate
  x(['pki', 'issue', '--ca-cert', 'pki/root.crt.pem', '--ca-key', 'pki/license.key.pem', '--purpose', 'list-signing', '-o', 'pki/x'], 2); // PKI_CA_MISMATCH
  x(['cert', 'verify', 'pki/root.key.pem', '--trust', 'pki/root.crt.pem'], 2);
  writeFileSync(join(dir, 'pki/leaky.key.pem'), readFileSync(join(dir, 'pki/license.key.pem')), { mode: 0o644 });
  chmodSync(join(dir, 'pki/leaky.key.pem'), 0o644);
  x(['sign', 'license.json', '--key', 'pki/leaky.key.pem', '--cert', 'pki/license.crt.pem'], 2); // KEY_FILE_PERMISSIONS
}, 120_000);

describe('private key files', () => {
  it('every key file is written 0600 (and its directory 0700); certificates stay readable', () => {
    const keys = readdirSync(join(dir, 'pki')).filter((f) => f.endsWith('.key.pem') && f !== 'leaky.key.pem');
    expect(keys.sort()).toEqual(['license.key.pem', 'license2.key.pem', 'list.key.pem', 'root.key.pem']);
    for (const k of keys) expect(mode(`pki/${k}`), k).toBe(0o600);
    expect(mode('pki')).toBe(0o700);
    expect(mode('pki/root.crt.pem') & 0o044).toBe(0o044);
  });

  it('a key file readable by group or others is refused with KEY_FILE_PERMISSIONS (exit 2), 0600 and 0400 are accepted', () => {
    for (const m of [0o644, 0o640, 0o604, 0o660]) {
      chmodSync(join(dir, 'pki/leaky.key.pem'), m);
      const r = x(['sign', 'license.json', '--key', 'pki/leaky.key.pem', '--cert', 'pki/license.crt.pem'], 2);
      expect(r.stderr, m.toString(8)).toMatch(/\[KEY_FILE_PERMISSIONS\]/);
      expect(r.stdout).toBe('');
    }
    for (const m of [0o600, 0o400]) {
      chmodSync(join(dir, 'pki/leaky.key.pem'), m);
      x(['sign', 'license.json', '--key', 'pki/leaky.key.pem', '--cert', 'pki/license.crt.pem'], 0);
    }
  });

  it('keys are encrypted PKCS#8 (PBES2) that openssl decrypts with the passphrase, and the signed license verifies', () => {
    for (const k of ['root', 'license', 'list', 'license2']) {
      const pem = readFileSync(join(dir, `pki/${k}.key.pem`), 'utf8');
      expect(pem.startsWith('-----BEGIN ENCRYPTED PRIVATE KEY-----\n')).toBe(true);
      const asn1 = execFileSync('openssl', ['asn1parse', '-in', join(dir, `pki/${k}.key.pem`)], { encoding: 'utf8' });
      expect(asn1).toMatch(/PBES2/);
      expect(asn1).toMatch(/PBKDF2/);
      expect(asn1).toMatch(/aes-256-cbc/);
      const text = execFileSync('openssl', ['pkey', '-in', join(dir, `pki/${k}.key.pem`), '-passin', 'env:XLIC_PASSPHRASE', '-noout', '-text'], { encoding: 'utf8', env: { ...process.env, XLIC_PASSPHRASE: PASSPHRASE } });
      expect(text).toMatch(/Private-Key/);
      expect(() => execFileSync('openssl', ['pkey', '-in', join(dir, `pki/${k}.key.pem`), '-passin', 'pass:wrong', '-noout'], { stdio: 'pipe' })).toThrow();
    }
    const r = x(['verify', 'license.jws', '--trust', 'pki/root.crt.pem', '--at', AT, '--json'], 0);
    expect(r.stdout).toMatch(/"verdict":"VALID"/);
  });
});

describe('nothing secret in any output', () => {
  it('no line of any private key PEM (encrypted or decrypted) and not the passphrase appears in any output of the session', () => {
    const keyFiles = readdirSync(join(dir, 'pki')).filter((f) => f.endsWith('.key.pem'));
    const secretLines = new Set<string>();
    for (const k of keyFiles) {
      const written = readFileSync(join(dir, `pki/${k}`), 'utf8');
      const clear = execFileSync('openssl', ['pkey', '-in', join(dir, `pki/${k}`), '-passin', 'env:XLIC_PASSPHRASE'], { encoding: 'utf8', env: { ...process.env, XLIC_PASSPHRASE: PASSPHRASE } });
      for (const line of `${written}\n${clear}`.split('\n')) if (line.length >= 16 && !line.startsWith('-----')) secretLines.add(line);
    }
    expect(secretLines.size).toBeGreaterThan(8);
    expect(outputs.length).toBeGreaterThan(35);
    const statuses = outputs.map((o) => o.text);
    expect(statuses.join('\n')).toMatch(/KEY_PASSPHRASE_WRONG/);
    expect(statuses.join('\n')).toMatch(/KEY_PASSPHRASE_REQUIRED/);
    for (const o of outputs) {
      expect(o.text.includes(PASSPHRASE), `passphrase in the output of xlic ${o.args}`).toBe(false);
      for (const line of secretLines) expect(o.text.includes(line), `key material in the output of xlic ${o.args}`).toBe(false);
      // Half a base64 line is enough to be key material: look for any 32-character run of one.
      for (const line of secretLines) for (let i = 0; i + 32 <= line.length; i += 16) expect(o.text.includes(line.slice(i, i + 32)), `key material in the output of xlic ${o.args}`).toBe(false);
      expect(o.text).not.toMatch(/\n\s+at \S+ \(/);
    }
  });
});
