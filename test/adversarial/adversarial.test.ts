// The adversarial corpus (test/adversarial/cases.json, made by generate.mjs): every attack gives its
// expected code and exit status through the library AND the real CLI, and never a stack trace.
// The 100 MB input is made here, in a temporary directory, and never committed.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isXlicError, validateBytes } from '@xlic/core';
import { decodeQrTexts, verifyLicensePdf, type FontSet } from '@xlic/pdf';
import { loadDefaultFonts } from '@xlic/pdf/node';
import { loadTrust, verifyDocument, type LoadTrustOptions } from '@xlic/verify';

const repo = resolve(import.meta.dirname, '../..');
const xlic = join(repo, 'cli/bin/xlic.js');

export interface AdversarialCase {
  id: string;
  attacker: string;
  description: string;
  through: 'verify' | 'pdf' | 'qr' | 'validate' | 'trust' | 'status' | 'bundle';
  file: string;
  trust?: { pemRoots?: string[]; trustLists?: string[]; statusLists?: string[] };
  at?: string;
  expect: { code?: string; verdict?: 'VALID' | 'INVALID'; exit: number; warnings?: string[] };
}
const corpus = JSON.parse(readFileSync(join(repo, 'test/adversarial/cases.json'), 'utf8')) as { at: string; cases: AdversarialCase[] };
const text = (p: string) => ({ name: p, text: readFileSync(join(repo, p), 'utf8') });
const STACK = /\n\s+at \S+ \(|\n\s+at file:|node:internal/;

/** The library's outcome for a case: a verdict (code, warnings) or a thrown XlicError code. */
export async function runLibrary(c: AdversarialCase, fonts: () => Promise<FontSet>): Promise<{ verdict?: string; code?: string; warnings: string[] }> {
  const bytes = new Uint8Array(readFileSync(join(repo, c.file)));
  const options = (): LoadTrustOptions => ({
    ...(c.trust?.pemRoots ? { pemRoots: c.trust.pemRoots.map(text) } : {}),
    ...(c.trust?.trustLists ? { trustLists: c.trust.trustLists.map(text) } : {}),
    ...(c.trust?.statusLists ? { statusLists: c.trust.statusLists.map(text) } : {}),
    at: new Date(c.at ?? corpus.at),
  });
  try {
    switch (c.through) {
      case 'verify':
      case 'pdf': {
        const ctx = await loadTrust(options());
        const r = c.through === 'pdf' ? await verifyLicensePdf(bytes, ctx, { fonts: await fonts() }) : await verifyDocument(bytes, ctx);
        const out: { verdict?: string; code?: string; warnings: string[] } = { verdict: r.verdict, warnings: r.checks.filter((k) => k.status === 'warn').map((k) => k.code!) };
        if (r.code) out.code = r.code;
        if (r.verdict === 'VALID') expect(r.checks.some((k) => k.status === 'fail')).toBe(false);
        return out;
      }
      case 'qr':
        await decodeQrTexts(new TextDecoder().decode(bytes).split('\n'));
        return { verdict: 'decoded', warnings: [] };
      case 'validate': {
        const r = validateBytes(bytes);
        return { verdict: r.valid ? 'VALID' : 'INVALID', ...(r.findings[0] ? { code: r.findings.find((f) => f.severity === 'error')?.code ?? r.findings[0].code } : {}), warnings: [] };
      }
      case 'trust':
        await loadTrust({ ...options(), trustLists: [...(c.trust?.trustLists ?? []), c.file].map(text) });
        return { verdict: 'loaded', warnings: [] };
      case 'status':
        await loadTrust({ ...options(), statusLists: [text(c.file)] });
        return { verdict: 'loaded', warnings: [] };
      case 'bundle':
        await loadTrust({ ...options(), bundle: text(c.file) });
        return { verdict: 'loaded', warnings: [] };
    }
  } catch (e) {
    if (!isXlicError(e)) throw new Error(`${c.id}: not an XlicError: ${String(e)}`);
    return { code: e.code, warnings: [] };
  }
}

/** The CLI arguments that run a case. */
export function cliArgs(c: AdversarialCase, file = join(repo, c.file)): string[] {
  const at = ['--at', c.at ?? corpus.at];
  const trust = [...(c.trust?.pemRoots ?? []), ...(c.trust?.trustLists ?? [])].flatMap((t) => ['--trust', join(repo, t)]);
  const status = (c.trust?.statusLists ?? []).flatMap((t) => ['--status', join(repo, t)]);
  const control = join(repo, 'test/adversarial/cases/trust-control.jws');
  switch (c.through) {
    case 'verify':
    case 'pdf':
      return ['verify', file, ...trust, ...status, ...at, '--json'];
    case 'qr':
      return ['verify', ...readFileSync(file, 'utf8').split('\n').flatMap((t) => ['--qr', t]), '--trust', join(repo, 'test/adversarial/cases/roots.pem'), ...at, '--json'];
    case 'validate':
      return ['validate', file, '--json'];
    case 'trust':
      return ['verify', control, ...trust, '--trust', file, ...at, '--json'];
    case 'status':
      return ['verify', control, ...trust, '--status', file, ...at, '--json'];
    case 'bundle':
      return ['verify', control, '--bundle', file, ...at, '--json'];
  }
}

export function runCli(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [xlic, ...args], { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, XLIC_DEBUG: '' } }, (error, stdout, stderr) => {
      done({ status: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

/** The code the CLI reported: the result's code, an error line's code, or a validate finding's. */
function cliCode(c: AdversarialCase, out: string, err: string): { verdict?: string; code?: string } {
  if (c.through === 'validate') {
    const r = (JSON.parse(out) as { results: Array<{ status: string; findings: Array<{ code: string; severity: string }> }> }).results[0]!;
    return { verdict: r.status === 'valid' ? 'VALID' : 'INVALID', code: r.findings.find((f) => f.severity === 'error')?.code };
  }
  const lines = out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { type: string; result?: { verdict: string; code?: string }; error?: { code: string } });
  const result = lines.find((l) => l.type === 'result');
  if (result?.result) return { verdict: result.result.verdict, ...(result.result.code ? { code: result.result.code } : {}) };
  if (result?.error) return { code: result.error.code };
  return { code: /\[([A-Z0-9_]+)\]\s*$/.exec(err.trim())?.[1] };
}

let fontCache: Promise<FontSet> | undefined;
const fonts = () => (fontCache ??= loadDefaultFonts());

describe('adversarial corpus', () => {
  it('covers every attack the hardening issue lists, with controls that verify', () => {
    const ids = new Set(corpus.cases.map((c) => c.id));
    for (const id of ['alg-none', 'alg-hs256-public-key', 'alg-es256-over-rsa', 'x5c-attacker-chain', 'x5c-other-jurisdiction', 'signer-no-eku', 'signer-is-ca', 'chain-loop-self', 'chain-too-long-path', 'signer-unknown-critical-extension', 'payload-duplicate-key', 'header-duplicate-alg', 'payload-proto', 'payload-constructor', 'name-cyrillic-lookalike', 'name-bidi-override', 'payload-huge-quantity', 'payload-string-too-long', 'payload-deep', 'truncated-payload-b64', 'qr-zip-bomb', 'pdf-two-licenses', 'pdf-malformed-attachment', 'pdf-javascript', 'pdf-launch', 'pdf-incremental-update']) expect(ids).toContain(id);
    expect(corpus.cases.filter((c) => c.expect.verdict === 'VALID' && !c.expect.warnings).length).toBeGreaterThanOrEqual(3);
    expect(corpus.cases.length).toBeGreaterThanOrEqual(60);
  });
});

describe('adversarial corpus: library', () => {
  for (const c of corpus.cases) {
    it(`${c.id}: ${c.description} → ${c.expect.verdict ?? ''} ${c.expect.code ?? ''}`, async () => {
      const r = await runLibrary(c, fonts);
      if (c.expect.code) expect(r.code).toBe(c.expect.code);
      else expect(r.code).toBeUndefined();
      if (c.expect.verdict) expect(r.verdict).toBe(c.expect.verdict);
      for (const w of c.expect.warnings ?? []) expect(r.warnings).toContain(w);
    });
  }
});

describe.concurrent('adversarial corpus: CLI', () => {
  for (const c of corpus.cases) {
    it(`xlic ${c.through} ${c.id} → exit ${c.expect.exit}${c.expect.code ? ` ${c.expect.code}` : ''}`, async () => {
      const r = await runCli(cliArgs(c));
      expect(r.stderr).not.toMatch(STACK);
      expect(r.status).toBe(c.expect.exit);
      const got = cliCode(c, r.stdout, r.stderr);
      expect(got.code).toBe(c.expect.code);
      if (c.expect.verdict && c.through !== 'validate') expect(got.verdict).toBe(c.expect.verdict);
      if (c.expect.warnings) for (const w of c.expect.warnings) expect(r.stdout).toContain(w);
    });
  }
});

describe('a 100 MB input (made at test time)', () => {
  let dir: string;
  let jws: string;
  let pdf: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'xlic-100mb-'));
    const control = readFileSync(join(repo, 'test/adversarial/cases/control-valid.jws'), 'utf8').trim().split('.');
    const big = Buffer.alloc(100 * 1024 * 1024, 0x41);
    jws = join(dir, 'big.jws');
    writeFileSync(jws, Buffer.concat([Buffer.from(`${control[0]}.`), big, Buffer.from(`.${control[2]}`)]));
    pdf = join(dir, 'big.pdf');
    writeFileSync(pdf, Buffer.concat([Buffer.from('%PDF-1.7\n'), big]));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const c = corpus.cases.find((x) => x.id === 'control-valid')!;

  it('library: verifyDocument, validateBytes and verifyLicensePdf refuse it without reading it as JSON or PDF', async () => {
    const ctx = await loadTrust({ pemRoots: c.trust!.pemRoots!.map(text), at: new Date(corpus.at) });
    const bytes = new Uint8Array(readFileSync(jws));
    const r = await verifyDocument(bytes, ctx);
    expect([r.verdict, r.code]).toEqual(['INVALID', 'INPUT_TOO_LARGE']);
    expect(() => validateBytes(bytes)).toThrow(expect.objectContaining({ code: 'INPUT_TOO_LARGE' }));
    const p = await verifyLicensePdf(new Uint8Array(readFileSync(pdf)), ctx, { fonts: await fonts() });
    expect([p.verdict, p.code]).toEqual(['INVALID', 'PDF_TOO_LARGE']);
  });

  it('CLI: xlic verify and xlic validate exit 2 with INPUT_TOO_LARGE, one line, no stack trace', async () => {
    for (const args of [cliArgs(c, jws), cliArgs(c, pdf), ['validate', jws, '--json']]) {
      const r = await runCli(args);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.status).toBe(2);
      expect(r.stdout + r.stderr).toContain('INPUT_TOO_LARGE');
    }
  });
});
