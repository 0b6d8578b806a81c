import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Runs the real built binary (the test command builds first: `tsc -b`).
const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'cli/bin/xlic.js');

interface Vector {
  file: string;
  description: string;
  kind: string | null;
  expect: { valid: true } | { valid: false; codes: string[] } | { error: string };
}
const vectors = JSON.parse(readFileSync(join(root, 'examples/index.json'), 'utf8')) as Vector[];

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function xlic(args: string[], stdin?: Uint8Array | string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1', XLIC_DEBUG: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

/** No stack trace in any output: a user sees one line per problem. */
function expectNoStackTrace(r: Run): void {
  expect(r.stdout).not.toContain('    at ');
  expect(r.stderr).not.toContain('    at ');
}

interface JsonOutput {
  results: Array<{ file: string; status: 'valid' | 'invalid' | 'error'; kind?: string; summary?: string; findings: Array<{ path: string; code: string; message: string; severity: string }> }>;
  counts: { valid: number; invalid: number; error: number };
}

const expectedStatus = (v: Vector): number => ('error' in v.expect ? 2 : v.expect.valid ? 0 : 1);
const expectedCodes = (v: Vector): string[] => ('error' in v.expect ? [v.expect.error] : v.expect.valid ? [] : [...v.expect.codes].sort());

describe('xlic validate on every vector of examples/index.json', () => {
  describe.each(vectors.map((v) => [v.file, v] as const))('%s', (file, v) => {
    it.concurrent('human output: exit status and codes', async () => {
      const r = await xlic(['validate', `examples/${file}`]);
      expectNoStackTrace(r);
      expect(r.status).toBe(expectedStatus(v));
      const head = r.stdout.split('\n')[0]!;
      expect(head).toMatch(new RegExp(`^${'error' in v.expect ? 'ERROR' : v.expect.valid ? 'VALID' : 'INVALID'} +examples/${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      const shown = [...new Set([...r.stdout.matchAll(/\[([A-Z][A-Z0-9_]+)\]$/gm)].map((m) => m[1]!))].sort();
      expect(shown).toEqual(expectedCodes(v));
      if ('valid' in v.expect && v.expect.valid) expect(r.stdout.split('\n')[1]).toMatch(/^ {8}\S/); // the one-line summary
    });

    it.concurrent('--json output: exit status, status and codes', async () => {
      const r = await xlic(['validate', '--json', `examples/${file}`]);
      expectNoStackTrace(r);
      expect(r.status).toBe(expectedStatus(v));
      expect(r.stderr).toBe('');
      const out = JSON.parse(r.stdout) as JsonOutput;
      expect(out.results).toHaveLength(1);
      const [res] = out.results;
      expect(res!.file).toBe(`examples/${file}`);
      expect(res!.status).toBe('error' in v.expect ? 'error' : v.expect.valid ? 'valid' : 'invalid');
      expect([...new Set(res!.findings.map((f) => f.code))].sort()).toEqual(expectedCodes(v));
      for (const f of res!.findings) {
        expect(f.severity).toBe('error');
        expect(f.path === '' || f.path.startsWith('/')).toBe(true);
        expect(f.message.length).toBeGreaterThan(0);
      }
      if (v.kind !== null && !('error' in v.expect)) expect(res!.kind).toBe(v.kind);
      expect(out.counts).toEqual({ valid: res!.status === 'valid' ? 1 : 0, invalid: res!.status === 'invalid' ? 1 : 0, error: res!.status === 'error' ? 1 : 0 });
    });
  });

  it('validates all valid examples in one call (exit 0) and counts them', async () => {
    const files = vectors.filter((v) => 'valid' in v.expect && v.expect.valid).map((v) => `examples/${v.file}`);
    const r = await xlic(['validate', ...files]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`${files.length} files: ${files.length} valid, 0 invalid`);
  });

  it('gives the worst status over several files: invalid (1) beside valid, input error (2) beside invalid', async () => {
    const validFile = 'examples/licenses/de-bafa-individual-2b001-jp.json';
    expect((await xlic(['validate', validFile, 'examples/invalid/zero-quantity.json'])).status).toBe(1);
    const r = await xlic(['validate', '--json', 'examples/invalid/zero-quantity.json', 'examples/invalid/not-json.json', validFile]);
    expect(r.status).toBe(2);
    expect((JSON.parse(r.stdout) as JsonOutput).counts).toEqual({ valid: 1, invalid: 1, error: 1 });
  });
});

describe('xlic validate with bad inputs', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'xlic-validate-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const expectOneError = async (args: string[], code: string, stdin?: Uint8Array | string): Promise<Run> => {
    const r = await xlic(['validate', ...args], stdin);
    expectNoStackTrace(r);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(new RegExp(`^ERROR .*\\n.*\\[${code}\\]\\n$`));
    const json = await xlic(['validate', '--json', ...args], stdin);
    expect(json.status).toBe(2);
    expect((JSON.parse(json.stdout) as JsonOutput).results[0]!.findings.map((f) => f.code)).toEqual([code]);
    return r;
  };

  it('not JSON', async () => {
    const f = join(dir, 'notes.json');
    writeFileSync(f, 'Licence DE-BAFA-EA-2026-018274, see attached PDF\n');
    await expectOneError([f], 'JSON_SYNTAX');
  });

  it('binary data', async () => {
    const f = join(dir, 'random.bin');
    writeFileSync(f, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xfe]));
    await expectOneError([f], 'INPUT_BINARY');
  });

  it('a 50 MB file is refused without reading it', async () => {
    const f = join(dir, 'huge.json');
    writeFileSync(f, '{"documentType":"license",');
    truncateSync(f, 50 * 1024 * 1024);
    const r = await expectOneError([f], 'INPUT_TOO_LARGE');
    expect(r.stdout).toContain('52428800 bytes');
  });

  it('a missing file', async () => {
    await expectOneError([join(dir, 'does-not-exist.json')], 'INPUT_NOT_FOUND');
  });

  it('a directory', async () => {
    await expectOneError([dir], 'INPUT_IS_DIRECTORY');
  });

  it('an empty file', async () => {
    const f = join(dir, 'empty.json');
    writeFileSync(f, '');
    await expectOneError([f], 'INPUT_EMPTY');
  });

  it('standard input via "-": valid, invalid and not JSON', async () => {
    const license = readFileSync(join(root, 'examples/licenses/de-bafa-individual-2b001-jp.json'));
    const ok = await xlic(['validate', '-'], license);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^VALID +\(stdin\)\n +license DE-BAFA-EA-2026-018274/);
    const bad = await xlic(['validate', '--json', '-'], readFileSync(join(root, 'examples/invalid/unknown-unit-pcs.json')));
    expect(bad.status).toBe(1);
    expect((JSON.parse(bad.stdout) as JsonOutput).results[0]).toMatchObject({ file: '(stdin)', status: 'invalid', findings: [{ code: 'UNKNOWN_UNIT_CODE', path: '/items/0/quantity/unit' }] });
    await expectOneError(['-'], 'JSON_SYNTAX', 'not json');
    await expectOneError(['-'], 'INPUT_EMPTY', '');
  });

  it.each([
    [['validate', '--frobnicate', 'examples/licenses/de-bafa-individual-2b001-jp.json'], /unknown option '--frobnicate'/],
    [['validate'], /missing required argument/],
    [['valdiate', 'x.json'], /unknown command 'valdiate'/],
  ])('usage error %j: exit 2, one line on stderr, nothing on stdout', async (args, message) => {
    const r = await xlic(args);
    expectNoStackTrace(r);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('--help of validate includes Examples and exits 0', async () => {
    const r = await xlic(['validate', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('xlic validate');
    expectNoStackTrace(r);
  });
});
