import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateDocument, type License } from '@xlic/core';
import { renderLicensePdf } from '../src/render.js';
import { defaultFonts, readLicense, run, save, signCompact, signGeneral, SIGNERS, WORK } from './helpers.js';

const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

describe('renderLicensePdf', () => {
  let license: License;
  let jws: string;
  let pdf: Uint8Array;
  let path: string;
  let declarationJws: string;

  beforeAll(async () => {
    const fixture = readLicense('multiscript.license.json');
    license = fixture.license;
    jws = await signCompact(fixture.bytes);
    declarationJws = await signCompact(new TextEncoder().encode(JSON.stringify({ documentType: 'end-use-declaration', id: 'EUD-AE-2026-0042' })), 'xlic-declaration+jws');
    pdf = await renderLicensePdf({ license, jws, signers: SIGNERS, declarations: [{ id: 'EUD-AE-2026-0042', jws: declarationJws }], fonts: await defaultFonts() });
    path = save('multiscript.pdf', pdf);
  });

  it('uses fixtures that are valid licenses', () => {
    for (const f of ['multiscript', 'hundred-items', 'humanitarian']) expect(validateDocument(readLicense(`${f}.license.json`).license).findings).toEqual([]);
  });

  it('is deterministic: same input, same bytes (fixed dates, /ID, producer, subset tags)', async () => {
    const again = await renderLicensePdf({ license, jws, signers: SIGNERS, declarations: [{ id: 'EUD-AE-2026-0042', jws: declarationJws }], fonts: await defaultFonts() });
    expect(Buffer.from(again).equals(Buffer.from(pdf))).toBe(true);
    const info = run('pdfinfo', [path]);
    expect(info).toContain('Producer:        xlic @xlic/pdf renderer 1');
    expect(info).toContain('CreationDate:    Fri Nov 20 09:30:00 2026 UTC');
    expect(info).toContain('ModDate:         Fri Nov 20 09:30:00 2026 UTC');
    expect(info).not.toMatch(/pdf-lib/);
    const fonts = run('pdffonts', [path]);
    for (const line of fonts.split('\n').slice(2).filter(Boolean)) expect(line).toMatch(/^[A-Z]{6}\+NotoSans\S*\s+CID TrueType\s+Identity-H\s+yes yes yes/);
  });

  it('passes qpdf --check', () => {
    expect(run('qpdf', ['--check', path])).toContain('No syntax or stream encoding errors found');
  });

  it('has selectable text: pdftotext finds every party name in all six scripts', () => {
    const text = run('pdftotext', [path, '-']).replace(BIDI_CONTROLS, '');
    const parties = [license.exporter, license.consignee, ...license.endUsers, ...(license.intermediateConsignees ?? [])];
    expect(parties.length).toBe(7);
    for (const p of parties) expect(text).toContain(p.legalName);
    for (const s of ['شركة الخليج للبصريات المتقدمة', '한국정밀광학 주식회사', '上海光电研究所有限公司', '株式会社東京精密光学', 'ТОО «Алматинские оптические системы»', 'Müller Präzisionsoptik']) expect(text).toContain(s);
    expect(text).toContain('شارع الشيخ زايد'); // Arabic letters that share a dotless skeleton come out right
    expect(text).toContain('DE-BAFA-2026-004217');
    expect(text).toMatch(/Page 1 of 3/);
    expect(text).toContain('3f2a9c1d5e7b8a6c4d2e0f1a3b5c7d9e1f3a5b7c9d1e3f5a7b9c1d3e5f7a9b1c');
  });

  it('renders glyphs, not blanks: every page has ink where text is', () => {
    run('pdftoppm', ['-r', '40', '-gray', '-f', '1', '-l', '1', path, join(WORK, 'ink')]);
    const pgm = readFileSync(join(WORK, 'ink-1.pgm'));
    const pixels = pgm.subarray(pgm.length - 331 * 468); // 40 dpi A4 page, 8-bit grey
    const dark = pixels.filter((p) => p < 128).length;
    expect(dark).toBeGreaterThan(2000);
  });

  it('attaches the signed license and declarations as PDF/A-3 associated files', () => {
    const list = run('pdfdetach', ['-list', path]);
    expect(list).toContain('license.jws');
    expect(list).toContain('declaration-EUD-AE-2026-0042.jws');
    const out = join(WORK, 'detached.jws');
    const index = /(\d+): license\.jws\n/.exec(list)![1]!;
    run('pdfdetach', ['-save', index, '-o', out, path]);
    expect(readFileSync(out, 'utf8')).toBe(jws);
    const qdf = run('qpdf', ['--qdf', '--object-streams=disable', path, '-']);
    expect(qdf).toMatch(/\/AF \[\s*\d+ 0 R\s+\d+ 0 R\s*\]/);
    expect(qdf).toContain('/AFRelationship /Source');
    expect(qdf).toContain('/AFRelationship /Supplement');
    expect(qdf).toContain('/Subtype /application#2fjose');
    expect(qdf).toMatch(/\/EmbeddedFiles \d+ 0 R/);
    expect(qdf).toMatch(/\/XLIC <<\s*\/QR \[/);
  });

  it('names a JSON-serialized (countersigned) license license.jws.json with application/jose+json', async () => {
    const fixture = readLicense('humanitarian.license.json');
    const general = await signGeneral(fixture.bytes);
    const p = save('general.pdf', await renderLicensePdf({ license: fixture.license, jws: general, signers: [...SIGNERS, { ...SIGNERS[0]!, role: 'countersigner', agency: { country: 'FR', agencyId: 'SBDU', name: 'Service des biens à double usage' } }], fonts: await defaultFonts() }));
    expect(run('pdfdetach', ['-list', p])).toContain('license.jws.json');
    expect(run('qpdf', ['--qdf', '--object-streams=disable', p, '-'])).toContain('/Subtype /application#2fjose+json');
    const text = run('pdftotext', [p, '-']);
    expect(text).toContain('HUMANITARIAN EXEMPTION');
    expect(text).toContain('Countersigned by');
    expect(text).toContain('Service des biens à double usage');
  });

  it('flows a 100-item table over pages with the header repeated and page N of M', async () => {
    const fixture = readLicense('hundred-items.license.json');
    const p = save('hundred.pdf', await renderLicensePdf({ license: fixture.license, jws: await signCompact(fixture.bytes), signers: SIGNERS, paper: 'Letter', fonts: await defaultFonts() }));
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [p]))![1]);
    expect(pages).toBeGreaterThan(3);
    expect(run('pdfinfo', [p])).toContain('612 x 792 pts (letter)');
    const text = run('pdftotext', [p, '-']);
    expect(text.match(/Classification/g)!.length).toBeGreaterThan(2);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    for (const line of [1, 50, 100]) expect(text).toContain(`Component type ${String(line).padStart(3, '0')}`);
    expect(text).toContain('301 C62'); // quantity of line 100
  });
});
