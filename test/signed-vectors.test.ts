// Every signed test vector in examples/signed/index.json gives its expected verdict and code,
// through the library and through the real built CLI.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromPem } from '@xlic/trust';
import { loadTrust, verifyDocument } from '@xlic/verify';

const repo = resolve(import.meta.dirname, '..');
const dir = join(repo, 'examples/signed');
const xlic = join(repo, 'cli/bin/xlic.js');

interface Vector {
  file: string;
  description: string;
  at: string;
  trust: string[];
  status: string[];
  crl: string[];
  requireFreshStatus?: boolean;
  expect: { verdict: 'VALID' | 'INVALID'; code?: string; warnings?: string[]; signatures?: number };
}
const { vectors } = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { vectors: Vector[] };
const text = (p: string) => ({ name: p, text: readFileSync(join(dir, p), 'utf8') });

describe('signed vectors: library', () => {
  it('covers every case the signing issue lists', () => {
    const codes = new Set(vectors.map((v) => v.expect.code));
    for (const c of ['JWS_SIGNATURE_INVALID', 'JWS_TYP_MISMATCH', 'JWS_ALG_NOT_ALLOWED', 'CERT_EXPIRED', 'LICENSE_NOT_YET_VALID', 'CERT_UNTRUSTED_ROOT', 'CERT_ROLE_NOT_TRUSTED', 'TRUST_ISSUER_MISMATCH', 'CERT_REVOKED', 'LICENSE_REVOKED', 'STATUS_STALE_REQUIRED_FRESH']) expect(codes).toContain(c);
    expect(vectors.filter((v) => v.expect.verdict === 'VALID').length).toBeGreaterThanOrEqual(3);
  });

  for (const v of vectors) {
    it(`${v.file}: ${v.description} → ${v.expect.verdict}${v.expect.code ? ` ${v.expect.code}` : ''}`, async () => {
      const ctx = await loadTrust({
        trustLists: v.trust.map(text),
        statusLists: v.status.map(text),
        crls: v.crl.map((c) => ({ name: c, bytes: fromPem(readFileSync(join(dir, c), 'utf8'))[0]!.der })),
        at: new Date(v.at),
      });
      const r = await verifyDocument(readFileSync(join(dir, v.file)), ctx, v.requireFreshStatus ? { requireFreshStatus: true } : {});
      expect({ verdict: r.verdict, code: r.code }).toEqual({ verdict: v.expect.verdict, code: v.expect.code });
      for (const w of v.expect.warnings ?? []) expect(r.checks.filter((c) => c.status === 'warn').map((c) => c.code)).toContain(w);
      if (v.expect.signatures) expect(r.signatures.filter((s) => s.valid)).toHaveLength(v.expect.signatures);
      if (r.verdict === 'VALID') expect(r.checks.some((c) => c.status === 'fail')).toBe(false);
    });
  }
});

describe('signed vectors: CLI', () => {
  for (const v of vectors) {
    it(`xlic verify ${v.file} → exit ${v.expect.verdict === 'VALID' ? 0 : 1}`, () => {
      const args = [xlic, 'verify', join(dir, v.file), '--at', v.at, '--json'];
      for (const t of v.trust) args.push('--trust', join(dir, t));
      for (const s of v.status) args.push('--status', join(dir, s));
      for (const c of v.crl) args.push('--crl', join(dir, c));
      if (v.requireFreshStatus) args.push('--require-fresh-status');
      const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; result?: { verdict: string; code?: string } });
      expect(lines.map((l) => l.type)).toEqual(['trust', 'result', 'summary']);
      expect(lines[1]!.result!.verdict).toBe(v.expect.verdict);
      expect(lines[1]!.result!.code).toBe(v.expect.code);
      expect(r.status).toBe(v.expect.verdict === 'VALID' ? 0 : 1);
    });
  }

  it('human output puts the verdict first and names the reason', () => {
    const v = vectors.find((x) => x.expect.code === 'LICENSE_REVOKED')!;
    const args = [xlic, 'verify', join(dir, v.file), '--at', v.at, ...v.trust.flatMap((t) => ['--trust', join(dir, t)]), ...v.status.flatMap((s) => ['--status', join(dir, s)])];
    const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
    const lines = r.stdout.split('\n');
    expect(lines[1]).toMatch(/^INVALID\s+license DE-BAFA-EA-2026-099001/);
    expect(lines[2]).toMatch(/Reason\s+revoked on 2026-11-22T08:00:00Z .*\[LICENSE_REVOKED\]/);
    expect(r.stdout).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(1);
  });

  it('a trust list that does not verify is refused with exit 2, never ignored', () => {
    const r = spawnSync(process.execPath, [xlic, 'verify', join(dir, 'licenses/de-valid.jws'), '--trust', join(dir, 'licenses/tampered-payload.jws')], { encoding: 'utf8' });
    expect(r.stderr).toMatch(/TRUST_LIST_REJECTED/);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.status).toBe(2);
  });
});
