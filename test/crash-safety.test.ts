// Nothing lost: the CLI is killed with SIGKILL at random points while it writes (`xlic status add`,
// `xlic sign -o`, `xlic pki issue`), 200 times in a row; after every kill each file on disk is a
// complete old or new version (never partial, never empty), temporary files never stand in for a
// target, and a status list's sequence never goes backwards. `xlic sign -o` refuses an older list.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeText, parseJson, parseJws, validateDocument } from '@xlic/core';
import { fromPem, importPrivateKeyPem, parseCertificate } from '@xlic/trust';

const xlic = resolve(import.meta.dirname, '../cli/bin/xlic.js');
const ITERATIONS = 200;
const LANES = 4;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const run = (dir: string, args: string[]) => spawnSync(process.execPath, [xlic, ...args], { cwd: dir, encoding: 'utf8' });

/** Start a command and SIGKILL it after `ms` (if still running); resolves when it is gone. */
function killAfter(dir: string, args: string[], ms: number): Promise<{ killed: boolean; code: number | null }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [xlic, ...args], { cwd: dir, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      done({ killed: signal === 'SIGKILL', code });
    });
  });
}

function setUp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'xlic-crash-'));
  dirs.push(dir);
  for (const args of [
    ['pki', 'init', '--country', 'DE', '--agency-id', 'BAFA', '--name', 'Bundesamt für Wirtschaft und Ausfuhrkontrolle', '--out-dir', 'pki'],
    ['pki', 'issue', '--ca-cert', 'pki/root.crt.pem', '--ca-key', 'pki/root.key.pem', '--purpose', 'list-signing', '-o', 'pki/list'],
    ['status', 'create', '--id', 'DE-BAFA-STATUS', '--country', 'DE', '--agency-id', 'BAFA', '--name', 'Bundesamt für Wirtschaft und Ausfuhrkontrolle', '-o', 'status.json'],
    ['sign', 'status.json', '--key', 'pki/list.key.pem', '--cert', 'pki/list.crt.pem', '-o', 'status.jws'],
  ]) expect(run(dir, args).status, args.join(' ')).toBe(0);
  return dir;
}

/** Every target file is complete and well-formed; returns the sequences of the list and the signed list. */
async function inspect(dir: string): Promise<{ json: number; jws: number; files: string[] }> {
  const json = parseJson(decodeText(readFileSync(join(dir, 'status.json')))) as { sequence: number };
  expect(validateDocument(json, 'status-list').valid).toBe(true);
  const jws = parseJws(readFileSync(join(dir, 'status.jws'), 'utf8'));
  const signed = parseJson(decodeText(jws.payload)) as { sequence: number };
  expect(validateDocument(signed, 'status-list').valid).toBe(true);
  const cert = fromPem(readFileSync(join(dir, 'pki/list.crt.pem'), 'utf8'));
  expect(cert).toHaveLength(1);
  expect(() => parseCertificate(cert[0]!.der)).not.toThrow();
  await expect(importPrivateKeyPem(readFileSync(join(dir, 'pki/list.key.pem'), 'utf8'))).resolves.toBeDefined();
  return { json: json.sequence, jws: signed.sequence, files: [...readdirSync(dir), ...readdirSync(join(dir, 'pki'))] };
}

describe('crash safety', () => {
  it(`${ITERATIONS} SIGKILLs at random points during writes leave only complete old or new files`, async () => {
    const stats = { killed: 0, finished: 0, strayTemp: 0 };
    const lane = async (n: number) => {
      const dir = setUp();
      let seen = await inspect(dir);
      for (let i = n; i < ITERATIONS; i += LANES) {
        const op = i % 3;
        const args =
          op === 0 ? ['status', 'add', 'status.json', '--license', `DE-BAFA-EA-2026-${String(i).padStart(6, '0')}`, '--status', 'suspended', '--reason', 'compliance']
          : op === 1 ? ['sign', 'status.json', '--key', 'pki/list.key.pem', '--cert', 'pki/list.crt.pem', '-o', 'status.jws']
          : ['pki', 'issue', '--ca-cert', 'pki/root.crt.pem', '--ca-key', 'pki/root.key.pem', '--purpose', 'list-signing', '-o', 'pki/list', '--force'];
        // Commands take 250–1000 ms (more under load); kill anywhere from start-up to after the write.
        const r = await killAfter(dir, args, 100 + Math.floor(Math.random() * 1400));
        if (r.killed) stats.killed++;
        else stats.finished++;
        const now = await inspect(dir);
        expect(now.json).toBeGreaterThanOrEqual(seen.json);
        expect(now.json - seen.json).toBeLessThanOrEqual(1);
        expect(now.jws).toBeGreaterThanOrEqual(seen.jws);
        expect(now.jws).toBeLessThanOrEqual(now.json);
        stats.strayTemp += now.files.filter((f) => f.includes('.tmp-')).length - seen.files.filter((f) => f.includes('.tmp-')).length;
        seen = now;
      }
    };
    await Promise.all(Array.from({ length: LANES }, (_, n) => lane(n)));
    // Both outcomes occurred: kills in the middle and runs that completed.
    expect(stats.killed).toBeGreaterThan(20);
    expect(stats.finished).toBeGreaterThan(5);
    expect(stats.killed + stats.finished).toBe(ITERATIONS);
  }, 180_000);

  it('xlic sign -o refuses an older or equal sequence (SEQUENCE_ROLLBACK) and leaves the signed list as it was', () => {
    const dir = setUp();
    const before = readFileSync(join(dir, 'status.jws'), 'utf8');
    const again = run(dir, ['sign', 'status.json', '--key', 'pki/list.key.pem', '--cert', 'pki/list.crt.pem', '-o', 'status.jws']);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/\[SEQUENCE_ROLLBACK\]/);
    expect(readFileSync(join(dir, 'status.jws'), 'utf8')).toBe(before);
    expect(run(dir, ['status', 'add', 'status.json', '--license', 'DE-BAFA-EA-2026-000001', '--status', 'suspended', '--reason', 'compliance']).status).toBe(0);
    const newer = run(dir, ['sign', 'status.json', '--key', 'pki/list.key.pem', '--cert', 'pki/list.crt.pem', '-o', 'status.jws']);
    expect(newer.status).toBe(0);
    const older = JSON.parse(readFileSync(join(dir, 'status.json'), 'utf8')) as { sequence: number };
    older.sequence -= 1;
    const oldFile = join(dir, 'older.json');
    writeFileSync(oldFile, JSON.stringify(older));
    const rollback = run(dir, ['sign', 'older.json', '--key', 'pki/list.key.pem', '--cert', 'pki/list.crt.pem', '-o', 'status.jws']);
    expect(rollback.status).toBe(2);
    expect(rollback.stderr).toMatch(/\[SEQUENCE_ROLLBACK\]/);
    expect((parseJson(decodeText(parseJws(readFileSync(join(dir, 'status.jws'), 'utf8')).payload)) as { sequence: number }).sequence).toBe(older.sequence + 1);
  });
});
