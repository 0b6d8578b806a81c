// The license PDF vectors in examples/pdf/index.json: the committed PDFs are exactly what the renderer
// makes today, every vector gets its verdict through the real CLI, the valid ones pass qpdf, their
// printed QR codes scan (zbarimg) and verify, and page 1 still looks like the committed reference.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeText, parseJson, parseJws, type License } from '@xlic/core';
import { inspectLicensePdf, renderLicensePdf, signersFromJws, type FontSet } from '@xlic/pdf';
import { loadDefaultFonts } from '@xlic/pdf/node';

const repo = resolve(import.meta.dirname, '..');
const examples = join(repo, 'examples');
const xlic = join(repo, 'cli/bin/xlic.js');
const REGENERATE = 'run `node scripts/make-pdf-vectors.mjs` (after building) and commit examples/pdf/';

interface Vector {
  file: string;
  description: string;
  source?: string;
  paper?: 'A4' | 'Letter';
  reference?: string;
  at: string;
  trust: string[];
  status?: string[];
  crl?: string[];
  expect: { verdict: 'VALID' | 'INVALID'; code?: string };
}
const { vectors } = JSON.parse(readFileSync(join(examples, 'pdf/index.json'), 'utf8')) as { vectors: Vector[] };
const valid = vectors.filter((v) => v.expect.verdict === 'VALID');
const work = mkdtempSync(join(tmpdir(), 'xlic-pdf-vectors-'));

function trustArgs(v: Vector): string[] {
  const args = ['--at', v.at];
  for (const t of v.trust) args.push('--trust', join(examples, t));
  for (const s of v.status ?? []) args.push('--status', join(examples, s));
  for (const c of v.crl ?? []) args.push('--crl', join(examples, c));
  return args;
}

function runTool(cmd: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface CliResult {
  verdict: string;
  code?: string;
  reason?: string;
  pdf?: { attachment?: string; differences?: Array<{ page: number; kind: string; expected: string; actual: string }> };
}

/** The first `result` line of `xlic verify --json` (JSON Lines: trust, result…, summary; docs/cli.md). */
function firstResult(stdout: string): CliResult {
  const lines = stdout.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as { type?: string; result?: CliResult });
  const line = lines.find((l) => l.type === 'result');
  if (!line?.result) throw new Error(`no result line in xlic verify --json output: ${stdout.slice(0, 300)}`);
  return line.result;
}

const nameOf = (v: Vector): string => v.file.replace(/^pdf\//, '').replace(/\.pdf$/, '');

// ------------------------------------------------------------------ raster comparison (pure)

/** A greyscale image: width × height bytes, row by row, 0 = black. */
interface Raster {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Parse a binary PGM (P5, maxval ≤ 255), as `pdftoppm -gray` writes it. */
function parsePgm(bytes: Uint8Array): Raster {
  const fields: string[] = [];
  let i = 0;
  while (fields.length < 4) {
    while (i < bytes.length && /\s/.test(String.fromCharCode(bytes[i]!))) i++;
    if (bytes[i] === 0x23) {
      while (i < bytes.length && bytes[i] !== 0x0a) i++;
      continue;
    }
    let token = '';
    while (i < bytes.length && !/\s/.test(String.fromCharCode(bytes[i]!))) token += String.fromCharCode(bytes[i++]!);
    if (!token) throw new Error('truncated PGM header');
    fields.push(token);
  }
  i++; // the single whitespace byte before the pixels
  const [magic, w, h, max] = fields as [string, string, string, string];
  const width = Number(w);
  const height = Number(h);
  if (magic !== 'P5' || Number(max) > 255 || !(width > 0 && height > 0)) throw new Error(`not an 8-bit binary PGM (${fields.join(' ')})`);
  const pixels = bytes.subarray(i, i + width * height);
  if (pixels.length !== width * height) throw new Error('truncated PGM pixels');
  return { width, height, pixels };
}

/** How far apart two rasters are: mean absolute difference per pixel, and the share of pixels differing by more than `threshold`. */
function rasterDistance(a: Raster, b: Raster, threshold = 64): { sameSize: boolean; meanAbsDiff: number; fractionOver: number } {
  if (a.width !== b.width || a.height !== b.height) return { sameSize: false, meanAbsDiff: Infinity, fractionOver: 1 };
  let sum = 0;
  let over = 0;
  for (let k = 0; k < a.pixels.length; k++) {
    const d = Math.abs(a.pixels[k]! - b.pixels[k]!);
    sum += d;
    if (d > threshold) over++;
  }
  return { sameSize: true, meanAbsDiff: sum / a.pixels.length, fractionOver: over / a.pixels.length };
}

/** True when `actual` looks like `reference`: mean absolute difference ≤ 2 and < 0.5 % of pixels off by more than 64. */
function rastersMatch(actual: Raster, reference: Raster): boolean {
  const d = rasterDistance(actual, reference);
  return d.sameSize && d.meanAbsDiff <= 2 && d.fractionOver < 0.005;
}

function rasterizePage1(pdfPath: string, prefix: string): Raster {
  const out = join(work, prefix);
  const r = runTool('pdftoppm', ['-r', '50', '-gray', '-f', '1', '-l', '1', '-singlefile', pdfPath, out]);
  expect(r.status, r.stderr).toBe(0);
  return parsePgm(readFileSync(`${out}.pgm`));
}

describe('rastersMatch', () => {
  const blank = (w: number, h: number, v = 255): Raster => ({ width: w, height: h, pixels: new Uint8Array(w * h).fill(v) });

  it('accepts identical rasters and small anti-aliasing noise', () => {
    const a = blank(100, 100);
    expect(rastersMatch(a, a)).toBe(true);
    const noisy = { ...a, pixels: a.pixels.map((p, k) => (k % 3 === 0 ? p - 5 : p)) };
    expect(rasterDistance(noisy, a).meanAbsDiff).toBeCloseTo(5 / 3, 1);
    expect(rastersMatch(noisy, a)).toBe(true);
  });

  it('refuses a moved or added block of text, a different size and a uniform shift', () => {
    const a = blank(100, 100);
    const box = { ...a, pixels: a.pixels.slice() };
    for (let y = 10; y < 17; y++) for (let x = 10; x < 20; x++) box.pixels[y * 100 + x] = 0; // 70 px = 0.7 %
    expect(rasterDistance(box, a).fractionOver).toBeCloseTo(0.007, 4);
    expect(rastersMatch(box, a)).toBe(false);
    expect(rastersMatch(blank(100, 101), a)).toBe(false);
    expect(rastersMatch(blank(100, 100, 250), a)).toBe(false); // mean 5 > 2
  });

  it('parses PGM with comments and refuses other formats', () => {
    const pgm = new Uint8Array([...new TextEncoder().encode('P5\n# pdftoppm\n3 2\n255\n'), 0, 64, 128, 192, 255, 7]);
    expect(parsePgm(pgm)).toEqual({ width: 3, height: 2, pixels: new Uint8Array([0, 64, 128, 192, 255, 7]) });
    expect(() => parsePgm(new TextEncoder().encode('P6\n3 2\n255\n'))).toThrow(/binary PGM/);
    expect(() => parsePgm(pgm.subarray(0, pgm.length - 1))).toThrow(/truncated/);
  });
});

// ------------------------------------------------------------------ the vectors

describe('PDF vectors: index', () => {
  it('has valid renderings on both paper sizes and every tampering the PDF issue lists', () => {
    expect(valid.length).toBeGreaterThanOrEqual(3);
    expect(new Set(valid.map((v) => v.paper))).toEqual(new Set(['A4', 'Letter']));
    for (const v of valid) expect(v.source && v.paper && v.reference, v.file).toBeTruthy();
    const tampered = vectors.filter((v) => v.file.includes('tampered'));
    expect(tampered.every((v) => v.expect.verdict === 'INVALID')).toBe(true);
    expect(new Set(tampered.map((v) => v.expect.code))).toEqual(new Set(['PDF_RENDERING_DIFFERS', 'PDF_INCREMENTAL_UPDATE', 'PDF_QR_MISMATCH', 'PDF_ACTIVE_CONTENT', 'PDF_NO_ATTACHMENT']));
    expect(vectors.length).toBe(valid.length + tampered.length);
  });

  it('every PDF in examples/pdf/ is a vector, and the folder stays small', () => {
    const files = readdirSync(join(examples, 'pdf')).filter((f) => f.endsWith('.pdf'));
    expect(files.sort()).toEqual(vectors.map((v) => v.file.replace(/^pdf\//, '')).sort());
    const bytes = readdirSync(join(examples, 'pdf'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .reduce((n, e) => n + readFileSync(join(e.parentPath, e.name)).length, 0);
    expect(bytes).toBeLessThan(3 * 1024 * 1024);
  });
});

describe('PDF vectors: committed renderings are current (deterministic renderer)', () => {
  let fonts: FontSet;
  beforeAll(async () => {
    fonts = await loadDefaultFonts();
  });

  for (const v of valid) {
    it(`${v.file} is byte-identical to a fresh rendering of ${v.source} (${v.paper})`, async () => {
      // Exactly what `xlic render` does with the signed file.
      const jws = decodeText(readFileSync(join(examples, v.source!))).trim();
      const license = parseJson(decodeText(parseJws(jws).payload)) as License;
      const fresh = await renderLicensePdf({ license, jws, signers: await signersFromJws(jws, license), declarations: [], paper: v.paper!, fonts });
      const committed = readFileSync(join(examples, v.file));
      expect(Buffer.compare(Buffer.from(fresh), committed) === 0, `${v.file} is stale: the renderer's output changed (${committed.length} → ${fresh.length} bytes); ${REGENERATE}`).toBe(true);
    });

    it(`xlic render ${v.source} --paper ${v.paper} writes the same bytes`, () => {
      const out = join(work, `${nameOf(v)}.cli.pdf`);
      const r = runTool(process.execPath, [xlic, 'render', join(examples, v.source!), '-o', out, '--paper', v.paper!]);
      expect(r.status, r.stderr).toBe(0);
      expect(Buffer.compare(readFileSync(out), readFileSync(join(examples, v.file))) === 0, `xlic render and the committed ${v.file} differ; ${REGENERATE}`).toBe(true);
    });
  }
});

describe('PDF vectors: xlic verify (the built CLI)', () => {
  for (const v of vectors) {
    it(`${v.file} → ${v.expect.verdict}${v.expect.code ? ` ${v.expect.code}` : ''}, exit ${v.expect.verdict === 'VALID' ? 0 : 1}`, () => {
      const r = runTool(process.execPath, [xlic, 'verify', join(examples, v.file), ...trustArgs(v), '--json']);
      expect(r.stderr).toBe('');
      const result = firstResult(r.stdout);
      expect({ verdict: result.verdict, code: result.code }).toEqual({ verdict: v.expect.verdict, code: v.expect.code });
      expect(r.status).toBe(v.expect.verdict === 'VALID' ? 0 : 1);
      if (v.expect.verdict === 'VALID') expect(result.pdf?.attachment).toMatch(/^license\.jws(\.json)?$/);
    });
  }
});

describe('PDF vectors: what the verdict names', () => {
  const verify = (file: string): CliResult => {
    const v = vectors.find((x) => x.file === file)!;
    return firstResult(runTool(process.execPath, [xlic, 'verify', join(examples, v.file), ...trustArgs(v), '--json']).stdout);
  };

  it('the edited quantity: page 1 shows "20 H87" where the license says "2 H87", and nothing else differs', () => {
    const r = verify('pdf/de-valid-tampered-quantity.pdf');
    expect(r.pdf?.differences).toEqual([{ page: 1, kind: 'text', expected: '2 H87', actual: '20 H87' }]);
    expect(r.reason).toContain('"20 H87"');
  });

  it('the foreign printed QR codes: graphics differences on the QR pages only', () => {
    const r = verify('pdf/us-valid-tampered-foreign-qr-printed.pdf');
    const pages = new Set(r.pdf?.differences?.map((d) => `${d.kind} p${d.page}`));
    expect([...pages].sort()).toEqual(['graphics p2', 'graphics p3']);
  });
});

describe('PDF vectors: checked with independent tools', () => {
  for (const v of valid) {
    it(`qpdf --check ${v.file}`, () => {
      const r = runTool('qpdf', ['--check', join(examples, v.file)]);
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toContain('No syntax or stream encoding errors');
    });

    it(`the printed QR codes of ${v.file} scan (pdftoppm -r 150 + zbarimg) and xlic verify --qr gives VALID`, async () => {
      const prefix = join(work, `${nameOf(v)}-scan`);
      expect(runTool('pdftoppm', ['-r', '150', '-gray', join(examples, v.file), prefix]).status).toBe(0);
      const pages = readdirSync(work).filter((f) => f.startsWith(`${nameOf(v)}-scan-`) && f.endsWith('.pgm')).sort();
      expect(pages.length).toBeGreaterThan(1);
      const scanned: string[] = [];
      for (const page of pages) {
        // zbarimg exits 4 on pages without a code and prints dbus noise on stderr: read stdout only.
        const r = runTool('zbarimg', ['--raw', '-q', join(work, page)]);
        scanned.push(...r.stdout.split('\n').filter((line) => line !== ''));
      }
      const recorded = (await inspectLicensePdf(readFileSync(join(examples, v.file)))).qrTexts;
      expect([...scanned].sort()).toEqual([...recorded].sort());
      const r = runTool(process.execPath, [xlic, 'verify', ...scanned.flatMap((t) => ['--qr', t]), ...trustArgs(v), '--json']);
      expect(firstResult(r.stdout).verdict).toBe('VALID');
      expect(r.status).toBe(0);
    });

    it(`page 1 of ${v.file} still looks like ${v.reference}`, () => {
      const actual = rasterizePage1(join(examples, v.file), `${nameOf(v)}-p1`);
      const reference = parsePgm(readFileSync(join(examples, v.reference!)));
      const d = rasterDistance(actual, reference);
      expect(rastersMatch(actual, reference), `page 1 differs from ${v.reference} (${JSON.stringify(d)}); if the change is intended, ${REGENERATE}`).toBe(true);
    });
  }

  it('the raster check sees a different page: de-valid.pdf page 1 against the US license reference', () => {
    const de = valid.find((v) => v.file === 'pdf/de-valid.pdf')!;
    const other = valid.find((v) => v.paper === de.paper && v !== de)!;
    const actual = rasterizePage1(join(examples, de.file), 'cross-p1');
    expect(rastersMatch(actual, parsePgm(readFileSync(join(examples, other.reference!))))).toBe(false);
  });

});
