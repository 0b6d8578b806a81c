import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PDFArray, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import type { License } from '@xlic/core';
import { comparePdfRendering } from '../src/compare.js';
import { extractEmbedded } from '../src/extract.js';
import { inspectLicensePdf } from '../src/inspect.js';
import { jwsPayloadBytes } from '../src/jws-payload.js';
import { pageContent, streamBytes } from '../src/pdf-objects.js';
import { parseToUnicode } from '../src/to-unicode.js';
import { renderLicensePdf } from '../src/render.js';
import { defaultFonts, readLicense, run, save, signCompact, SIGNERS } from './helpers.js';

interface Rendered {
  license: License;
  jws: string;
  pdf: Uint8Array;
}

async function render(name: string): Promise<Rendered> {
  const { license, bytes } = readLicense(name);
  const jws = await signCompact(bytes);
  return { license, jws, pdf: await renderLicensePdf({ license, jws, signers: SIGNERS, fonts: await defaultFonts() }) };
}

// The glyph codes (hex) that show `text` in font /F1 of a page, from its /ToUnicode map.
function hexFor(doc: PDFDocument, pageIndex: number, text: string): string {
  const fonts = doc.getPage(pageIndex).node.Resources()!.lookup(PDFName.of('Font')) as unknown as { get(n: PDFName): unknown };
  const font = doc.context.lookup(fonts.get(PDFName.of('F1')) as never) as unknown as { get(n: PDFName): unknown };
  const cmap = parseToUnicode(new TextDecoder('latin1').decode(streamBytes(doc, font.get(PDFName.of('ToUnicode')) as never)!));
  const reverse = new Map([...cmap.map].map(([code, ch]) => [ch, code]));
  return [...text].map((c) => reverse.get(c)!).join('');
}

function pageIndexWith(pdf: Uint8Array, text: string): number {
  const pages = run('pdftotext', [save('find.pdf', pdf), '-']).split('\f');
  return pages.findIndex((p) => p.includes(text));
}

/** Change "10 C62" into "100 C62" in the page's content stream. Returns the edited document. */
async function editQuantity(pdf: Uint8Array): Promise<{ doc: PDFDocument; page: number; content: Uint8Array }> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const page = pageIndexWith(pdf, '10 C62');
  const from = hexFor(doc, page, '10 ');
  const to = hexFor(doc, page, '100 ');
  const content = new TextDecoder('latin1').decode(pageContent(doc, page));
  expect(content).toContain(from);
  const edited = content.replace(from, to);
  return { doc, page, content: Uint8Array.from(edited, (c) => c.charCodeAt(0)) };
}

describe('tampered license PDFs are detected', () => {
  let a: Rendered;
  let b: Rendered;

  beforeAll(async () => {
    a = await render('multiscript.license.json');
    b = await render('humanitarian.license.json');
  });

  it('an untouched PDF: no problems, QR agrees, rendering identical', async () => {
    const r = await inspectLicensePdf(a.pdf);
    expect(r.problems).toEqual([]);
    expect(r.jws).toBe(a.jws);
    expect(r.rendererVersion).toBe(1);
    expect(r.declarations).toEqual([]);
    expect(r.qrTexts.length).toBeGreaterThan(0);
    // What a verifier does: the license is the attached JWS's payload (verified elsewhere).
    const license = JSON.parse(new TextDecoder().decode(jwsPayloadBytes(r.jws!))) as License;
    const rerendered = await renderLicensePdf({ license, jws: r.jws!, signers: SIGNERS, fonts: await defaultFonts() });
    expect(await comparePdfRendering(a.pdf, rerendered)).toEqual({ identical: true, differences: [] });
  });

  it('edited visible text (content stream rewritten with pdf-lib): the text difference is named', async () => {
    const { doc, page, content } = await editQuantity(a.pdf);
    doc.getPage(page).node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(content)));
    const tampered = await doc.save({ useObjectStreams: false });
    expect(run('pdftotext', [save('edited.pdf', tampered), '-'])).toContain('100 C62');
    const { identical, differences } = await comparePdfRendering(tampered, a.pdf);
    expect(identical).toBe(false);
    expect(differences).toContainEqual({ page: page + 1, kind: 'text', expected: '10 C62', actual: '100 C62' });
    expect(differences.filter((d) => d.kind === 'text')).toHaveLength(1);
    expect((await inspectLicensePdf(tampered)).problems).toEqual([]); // attachment and QR untouched: only the comparison sees it
  });

  it('edited text appended as an incremental update: PDF_INCREMENTAL_UPDATE and the text difference', async () => {
    const { doc, page, content } = await editQuantity(a.pdf);
    const original = new TextDecoder('latin1').decode(a.pdf);
    const prevXref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(original)![1]);
    const pageRef = doc.getPage(page).ref;
    const streamNumber = doc.context.largestObjectNumber + 1;
    const streamObj = `${streamNumber} 0 obj\n<< /Length ${content.length} >>\nstream\n${new TextDecoder('latin1').decode(content)}\nendstream\nendobj\n`;
    doc.getPage(page).node.delete(PDFName.of('Contents'));
    const pageObj = `${pageRef.objectNumber} 0 obj\n${doc.getPage(page).node.toString().replace(/>>\s*$/, `/Contents ${streamNumber} 0 R\n>>`)}\nendobj\n`;
    let body = '\n';
    const offsets: Array<[number, number]> = [];
    offsets.push([pageRef.objectNumber, a.pdf.length + body.length]);
    body += pageObj;
    offsets.push([streamNumber, a.pdf.length + body.length]);
    body += streamObj;
    const xrefAt = a.pdf.length + body.length;
    body += 'xref\n' + offsets.sort((x, y) => x[0] - y[0]).map(([n, o]) => `${n} 1\n${String(o).padStart(10, '0')} 00000 n \n`).join('');
    const trailer = /trailer\s*(<<[\s\S]*?>>)\s*startxref/.exec(original)![1]!.replace(/\/Size \d+/, `/Size ${streamNumber + 1}`).replace(/>>$/, `/Prev ${prevXref}\n>>`);
    body += `trailer\n${trailer}\nstartxref\n${xrefAt}\n%%EOF\n`;
    const updated = new Uint8Array([...a.pdf, ...Uint8Array.from(body, (c) => c.charCodeAt(0))]);
    const path = save('incremental.pdf', updated);
    expect(run('qpdf', ['--check', path])).toContain('No syntax or stream encoding errors');
    expect(run('pdftotext', [path, '-'])).toContain('100 C62');
    expect((await extractEmbedded(updated)).problems.map((p) => p.code)).toEqual(['PDF_INCREMENTAL_UPDATE']);
    const { differences } = await comparePdfRendering(updated, a.pdf);
    expect(differences).toContainEqual({ page: page + 1, kind: 'text', expected: '10 C62', actual: '100 C62' });
  });

  it('swapped attachment (the JWS of another license): QR mismatch, and the re-rendering differs', async () => {
    const doc = await PDFDocument.load(a.pdf, { updateMetadata: false });
    const names = doc.catalog.lookup(PDFName.of('Names')) as unknown as { lookup(n: PDFName): { lookup(n: PDFName): PDFArray } };
    const list = names.lookup(PDFName.of('EmbeddedFiles')).lookup(PDFName.of('Names'));
    const spec = doc.context.lookup(list.get(1)) as unknown as { lookup(n: PDFName): { get(n: PDFName): never } };
    const streamRef = spec.lookup(PDFName.of('EF')).get(PDFName.of('F'));
    doc.context.assign(streamRef, doc.context.flateStream(new TextEncoder().encode(b.jws), { Type: 'EmbeddedFile', Subtype: 'application/jose' }));
    const swapped = await doc.save({ useObjectStreams: false });
    const r = await inspectLicensePdf(swapped);
    expect(r.jws).toBe(b.jws);
    expect(r.problems.map((p) => p.code)).toEqual(['PDF_QR_MISMATCH']);
    const { identical, differences } = await comparePdfRendering(swapped, b.pdf); // verifier re-renders from the attachment
    expect(identical).toBe(false);
    expect(differences.some((d) => d.kind === 'text' && d.expected.includes('HUMANITARIAN'))).toBe(true);
  });

  it('foreign QR (the QR texts of another license): PDF_QR_MISMATCH; printed modules differ in the comparison', async () => {
    const doc = await PDFDocument.load(a.pdf, { updateMetadata: false });
    const foreign = (await inspectLicensePdf(b.pdf)).qrTexts;
    const qr = PDFArray.withContext(doc.context);
    for (const t of foreign) qr.push(PDFString.of(t));
    (doc.catalog.lookup(PDFName.of('XLIC')) as unknown as { set(k: PDFName, v: PDFArray): void }).set(PDFName.of('QR'), qr);
    // Print B's first QR code in place of A's first one.
    const QR_BLOCK = /q\n0 0 0 rg\n(?:[\d. ]+ re\n){20,}f\nQ/;
    const qrPage = (d: PDFDocument) => d.getPages().findIndex((_, i) => QR_BLOCK.test(new TextDecoder('latin1').decode(pageContent(d, i))));
    const bdoc = await PDFDocument.load(b.pdf);
    const block = (s: string) => QR_BLOCK.exec(s)![0];
    const ia = qrPage(doc);
    const contentA = new TextDecoder('latin1').decode(pageContent(doc, ia));
    const contentB = new TextDecoder('latin1').decode(pageContent(bdoc, qrPage(bdoc)));
    const spliced = contentA.replace(block(contentA), block(contentB));
    doc.getPage(ia).node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(Uint8Array.from(spliced, (c) => c.charCodeAt(0)))));
    const tampered = await doc.save({ useObjectStreams: false });
    expect((await inspectLicensePdf(tampered)).problems.map((p) => p.code)).toEqual(['PDF_QR_MISMATCH']);
    const { differences } = await comparePdfRendering(tampered, a.pdf);
    expect(differences.some((d) => d.kind === 'graphics' && d.page === ia + 1)).toBe(true);
    expect(differences.some((d) => d.kind === 'structure' && d.expected.startsWith('catalog /XLIC'))).toBe(true);
  });

  it('JavaScript open action added: PDF_ACTIVE_CONTENT', async () => {
    const doc = await PDFDocument.load(a.pdf, { updateMetadata: false });
    doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert("paid")') }));
    const js = await doc.save({ useObjectStreams: true });
    const codes = (await extractEmbedded(js)).problems.map((p) => p.code);
    expect(codes).toContain('PDF_ACTIVE_CONTENT');
    expect((await extractEmbedded(js)).problems.map((p) => p.message).join()).toMatch(/OpenAction.*|JavaScript/);
    const { differences } = await comparePdfRendering(js, a.pdf);
    expect(differences.some((d) => d.actual.startsWith('PDF_ACTIVE_CONTENT'))).toBe(true);
  });

  it('no attachment, conflicting attachments, malformed bytes', async () => {
    const plain = await PDFDocument.create();
    plain.addPage();
    expect((await extractEmbedded(await plain.save())).problems.map((p) => p.code)).toEqual(['PDF_NO_ATTACHMENT']);

    const doc = await PDFDocument.load(a.pdf, { updateMetadata: false });
    // A second /Source file specification listed in /AF, carrying another license.
    const stream = doc.context.register(doc.context.flateStream(new TextEncoder().encode(b.jws), { Type: 'EmbeddedFile', Subtype: 'application/jose' }));
    const spec = doc.context.register(doc.context.obj({ Type: 'Filespec', F: PDFString.of('license-2.jws'), EF: { F: stream }, AFRelationship: 'Source' }));
    (doc.catalog.lookup(PDFName.of('AF')) as PDFArray).push(spec);
    const two = await doc.save({ useObjectStreams: false });
    const r = await extractEmbedded(two);
    expect(r.problems.map((p) => p.code)).toEqual(['PDF_CONFLICTING_ATTACHMENTS']);
    expect(r.license).toBeUndefined();

    expect((await extractEmbedded(new TextEncoder().encode('%PDF-1.7\nnot really'))).problems.map((p) => p.code)).toContain('PDF_MALFORMED');
    expect((await extractEmbedded(readFileSync(new URL('./fixtures/multiscript.license.json', import.meta.url)))).problems.map((p) => p.code)).toContain('PDF_MALFORMED');
  });
});
