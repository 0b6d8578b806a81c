// Batch verification through the real CLI: directories, "-" for a list of paths, worker threads,
// JSON Lines, a summary by reason code, and the same verdicts as one-by-one verification.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');
const dir = join(repo, 'examples/signed');
const xlic = join(repo, 'cli/bin/xlic.js');
const { vectors } = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { vectors: Array<{ file: string; at: string; status: string[]; expect: { verdict: string; code?: string } }> };
const AT = '2026-11-23T12:00:00Z';
const trust = ['--trust', join(dir, 'trust/jp-meti-trust-list.jws'), '--trust', join(dir, 'trust/de-bafa-trust-list.jws'), '--status', join(dir, 'status/de-bafa-status.jws'), '--crl', join(dir, 'crl/de-bafa.crl.pem'), '--at', AT];
// the vectors that share the default trust configuration and time
const plain = vectors.filter((v) => v.at === AT && v.status.length === 1 && v.status[0] === 'status/de-bafa-status.jws' && !('requireFreshStatus' in v));

function jsonLines(stdout: string) {
  return stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; file?: string; result?: { verdict: string; code?: string }; valid?: number; invalid?: number; byCode?: Record<string, number>; documents?: number });
}

describe('xlic verify in batches', () => {
  for (const jobs of ['1', '2']) {
    it(`a directory, recursively, with --jobs ${jobs}: one JSON line per document and a summary`, () => {
      const r = spawnSync(process.execPath, [xlic, 'verify', join(dir, 'licenses'), ...trust, '--json', '--jobs', jobs], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      const lines = jsonLines(r.stdout);
      expect(lines[0]!.type).toBe('trust');
      const results = lines.filter((l) => l.type === 'result');
      expect(results).toHaveLength(readdirSync(join(dir, 'licenses')).length);
      for (const v of plain) {
        const got = results.find((l) => l.file!.endsWith(v.file))!;
        expect({ file: v.file, verdict: got.result!.verdict, code: got.result!.code }).toEqual({ file: v.file, verdict: v.expect.verdict, code: v.expect.code });
      }
      const summary = lines.at(-1)!;
      expect(summary.type).toBe('summary');
      expect(summary.valid! + summary.invalid!).toBe(results.length);
      expect(summary.byCode!['LICENSE_REVOKED']).toBe(1);
      expect(r.status).toBe(1);
    });
  }

  it('"-" reads a list of paths from standard input; human output is one line per document plus a summary', () => {
    const files = plain.map((v) => join(dir, v.file));
    const r = spawnSync(process.execPath, [xlic, 'verify', '-', ...trust], { input: files.join('\n') + '\n', encoding: 'utf8' });
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(files.length + 2);
    for (const v of plain) expect(lines.some((l) => l.includes(v.file) && l.startsWith(v.expect.verdict))).toBe(true);
    expect(lines.at(-1)).toMatch(new RegExp(`^${files.length} documents: \\d+ valid, \\d+ invalid \\(`));
    expect(r.stdout).not.toMatch(/\[#+/); // no progress bar when output is piped
    expect(r.status).toBe(1);
  });

  it('--no-cache gives the same verdicts', () => {
    const a = jsonLines(spawnSync(process.execPath, [xlic, 'verify', join(dir, 'licenses'), ...trust, '--json'], { encoding: 'utf8' }).stdout).filter((l) => l.type === 'result');
    const b = jsonLines(spawnSync(process.execPath, [xlic, 'verify', join(dir, 'licenses'), ...trust, '--json', '--no-cache'], { encoding: 'utf8' }).stdout).filter((l) => l.type === 'result');
    const byFile = (x: typeof a) => [...x].sort((p, q) => (p.file! < q.file! ? -1 : 1));
    expect(a.length).toBeGreaterThan(10);
    expect(byFile(b)).toEqual(byFile(a));
  });

  it('refuses a bad --jobs value with exit 2', () => {
    const r = spawnSync(process.execPath, [xlic, 'verify', join(dir, 'licenses'), ...trust, '--jobs', 'many'], { encoding: 'utf8' });
    expect(r.stderr).toMatch(/--jobs/);
    expect(r.status).toBe(2);
  });
});
