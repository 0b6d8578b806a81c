#!/usr/bin/env node
// Generates the PDF test vectors in examples/pdf/ (run after `pnpm build` and after
// scripts/make-signed-vectors.mjs):
//   node scripts/make-pdf-vectors.mjs
// Renders signed licenses from examples/signed/licenses/ exactly as `xlic render` does, writes the
// page-1 reference rasters (pdftoppm, PGM) the tests compare against, then tampers with copies the
// ways a forger would, each with the verdict and code `xlic verify` must give. Every expectation is
// checked here with the library before index.json is written.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeText, parseJson, parseJws } from '@xlic/core';
import { inspectLicensePdf, renderLicensePdf, signersFromJws, verifyLicensePdf } from '@xlic/pdf';
import { loadDefaultFonts } from '@xlic/pdf/node';
import { fromPem } from '@xlic/trust';
import { loadTrust } from '@xlic/verify';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const examples = path.join(root, 'examples');
const out = path.join(examples, 'pdf');
// pdf-lib is a dependency of @xlic/pdf, not of the workspace root: resolve it from there.
const { PDFArray, PDFDocument, PDFName, PDFString, decodePDFRawStream, PDFRawStream } = createRequire(path.join(root, 'packages/pdf/package.json'))('pdf-lib');

const signedIndex = JSON.parse(fs.readFileSync(path.join(examples, 'signed/index.json'), 'utf8'));
const fonts = await loadDefaultFonts();
const latin1 = (bytes) => Buffer.from(bytes).toString('latin1');
const fromLatin1 = (text) => new Uint8Array(Buffer.from(text, 'latin1'));

/** Trust inputs of a signed vector, with paths relative to examples/. */
function trustOf(signedFile) {
  const v = signedIndex.vectors.find((x) => x.file === signedFile);
  if (!v) throw new Error(`${signedFile} is not in examples/signed/index.json`);
  const rel = (p) => `signed/${p}`;
  return { at: v.at, trust: v.trust.map(rel), status: v.status.map(rel), crl: v.crl.map(rel) };
}

/** Render a signed license the way `xlic render` does (cli/src/commands/render.ts). */
async function renderSigned(file, paper) {
  const jws = decodeText(fs.readFileSync(path.join(examples, file))).trim();
  const license = parseJson(decodeText(parseJws(jws).payload));
  return { jws, license, pdf: await renderLicensePdf({ license, jws, signers: await signersFromJws(jws, license), declarations: [], paper, fonts }) };
}

// ---------------------------------------------------------------- content-stream editing helpers

/** The /ToUnicode maps of a page's fonts: resource name → { decode: code→text, encode: char→code }. */
function fontMaps(doc, pageIndex) {
  const fontsDict = doc.getPage(pageIndex).node.Resources().lookup(PDFName.of('Font'));
  const maps = new Map();
  for (const [name, ref] of fontsDict.entries()) {
    const font = doc.context.lookup(ref);
    const stream = doc.context.lookup(font.get(PDFName.of('ToUnicode')));
    const cmap = latin1(decodePDFRawStream(stream).decode());
    const decode = new Map();
    for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) decode.set(m[1].toLowerCase(), String.fromCharCode(...m[2].match(/.{4}/g).map((h) => parseInt(h, 16))));
    }
    if (/beginbfrange/.test(cmap)) throw new Error('bfrange in /ToUnicode: extend fontMaps');
    const encode = new Map();
    for (const [code, text] of decode) if (!encode.has(text)) encode.set(text, code);
    maps.set(name.decodeText(), { decode, encode });
  }
  return maps;
}

/** Decoded content of page `pageIndex` (all content streams joined). */
function pageText(doc, pageIndex) {
  const contents = doc.context.lookup(doc.getPage(pageIndex).node.get(PDFName.of('Contents')));
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
  return streams.map((s) => latin1(s instanceof PDFRawStream ? decodePDFRawStream(s).decode() : s.getUnencodedContents())).join('\n');
}

/**
 * Replace the text run that shows exactly `from` with one showing `to` (same font, same position),
 * as a forger editing the visible text would. Returns the page index and its new content bytes.
 */
function editShownText(doc, from, to) {
  for (let p = 0; p < doc.getPageCount(); p++) {
    const maps = fontMaps(doc, p);
    const content = pageText(doc, p);
    const block = /BT\n\/(F\d+) [\d.]+ Tf\n[\s\S]*?\n(\[[^\]]*\]) TJ\nET/g;
    for (const m of content.matchAll(block)) {
      const map = maps.get(m[1]);
      const hex = [...m[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => x[1]).join('');
      const shown = hex.match(/.{4}/g).map((c) => map.decode.get(c.toLowerCase()) ?? '\uFFFD').join('');
      if (shown !== from) continue;
      const codes = [...to].map((ch) => {
        const code = map.encode.get(ch);
        if (!code) throw new Error(`font ${m[1]} on page ${p + 1} has no glyph for ${JSON.stringify(ch)}`);
        return code;
      });
      const edited = m[0].replace(m[2], `[ <${codes.join('')}> ]`);
      return { page: p, content: fromLatin1(content.slice(0, m.index) + edited + content.slice(m.index + m[0].length)) };
    }
  }
  throw new Error(`no text run shows ${JSON.stringify(from)}`);
}

/** Append a page's new content as an incremental update (new stream object, revised page, xref, trailer /Prev). */
function appendIncrementalUpdate(original, doc, page, content) {
  const text = latin1(original);
  const prevXref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)[1]);
  const pageRef = doc.getPage(page).ref;
  const streamNumber = doc.context.largestObjectNumber + 1;
  const node = doc.getPage(page).node;
  node.delete(PDFName.of('Contents'));
  const pageDict = node.toString().replace(/>>\s*$/, `/Contents ${streamNumber} 0 R\n>>`);
  const objects = [
    [pageRef.objectNumber, `${pageRef.objectNumber} 0 obj\n${pageDict}\nendobj\n`],
    [streamNumber, `${streamNumber} 0 obj\n<< /Length ${content.length} >>\nstream\n${latin1(content)}\nendstream\nendobj\n`],
  ];
  let body = '\n';
  const offsets = [];
  for (const [n, obj] of objects) {
    offsets.push([n, original.length + body.length]);
    body += obj;
  }
  const xrefAt = original.length + body.length;
  body += 'xref\n' + offsets.sort((a, b) => a[0] - b[0]).map(([n, o]) => `${n} 1\n${String(o).padStart(10, '0')} 00000 n \n`).join('');
  const trailer = /trailer\s*(<<[\s\S]*?>>)\s*startxref/.exec(text)[1].replace(/\/Size \d+/, `/Size ${streamNumber + 1}`).replace(/>>$/, `/Prev ${prevXref}\n>>`);
  body += `trailer\n${trailer}\nstartxref\n${xrefAt}\n%%EOF\n`;
  return new Uint8Array([...original, ...fromLatin1(body)]);
}

/** File specifications of the embedded files (catalog /Names /EmbeddedFiles), in name-tree order. */
function fileSpecs(doc) {
  const names = doc.catalog.lookup(PDFName.of('Names')).lookup(PDFName.of('EmbeddedFiles')).lookup(PDFName.of('Names'));
  const specs = [];
  for (let i = 1; i < names.size(); i += 2) specs.push({ ref: names.get(i), dict: doc.context.lookup(names.get(i)) });
  return specs;
}

// Each printed QR code is one filled path of rectangles in its own q … Q block (render.ts).
const QR_BLOCK = /q\n0 0 0 rg\n(?:[-\d. ]+ re\n){20,}f\nQ/g;

/** The printed QR blocks of a document in reading order: page, text, and the centre of its modules. */
function qrBlocks(doc) {
  const blocks = [];
  for (let p = 0; p < doc.getPageCount(); p++) {
    for (const m of pageText(doc, p).matchAll(QR_BLOCK)) {
      let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const r of m[0].matchAll(/([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) re/g)) {
        const [x, y, w, h] = r.slice(1).map(Number);
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x + w);
        y1 = Math.max(y1, y + h);
      }
      // Finder patterns sit in three corners, so the modules' bounding box is the symbol itself.
      blocks.push({ page: p, text: m[0], cx: (x0 + x1) / 2, cy: (y0 + y1) / 2 });
    }
  }
  return blocks;
}

/** Give page `p` new content, dropping the old stream (pdf-lib would keep it as an unreferenced object). */
function replaceContent(doc, p, content) {
  const node = doc.getPage(p).node;
  const old = node.get(PDFName.of('Contents'));
  const refs = old instanceof PDFArray ? old.asArray() : [old];
  node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(content)));
  for (const r of refs) doc.context.delete(r);
}

/** Print `foreign`'s QR codes in `doc`'s QR slots (centred); slots left over are blanked. */
function printForeignQr(doc, foreign) {
  const slots = qrBlocks(doc);
  const theirs = qrBlocks(foreign);
  const byPage = new Map();
  slots.forEach((slot, i) => {
    const code = theirs[i];
    const replacement = code ? `q\n1 0 0 1 ${(slot.cx - code.cx).toFixed(3)} ${(slot.cy - code.cy).toFixed(3)} cm\n${code.text}\nQ` : '';
    byPage.set(slot.page, [...(byPage.get(slot.page) ?? []), [slot.text, replacement]]);
  });
  for (const [p, edits] of byPage) {
    let content = pageText(doc, p);
    for (const [from, to] of edits) content = content.replace(from, () => to);
    replaceContent(doc, p, fromLatin1(content));
  }
  if (theirs.length > slots.length) throw new Error(`only ${slots.length} QR slots for ${theirs.length} foreign codes`);
}

function setRecordedQr(doc, texts) {
  const qr = PDFArray.withContext(doc.context);
  for (const t of texts) qr.push(PDFString.of(t));
  doc.catalog.lookup(PDFName.of('XLIC')).set(PDFName.of('QR'), qr);
}

const load = (bytes) => PDFDocument.load(bytes, { updateMetadata: false });
const save = (doc) => doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });

// ---------------------------------------------------------------- the vectors

// Keep README.md; everything else in examples/pdf/ is generated.
fs.mkdirSync(out, { recursive: true });
for (const f of fs.readdirSync(out)) if (f.endsWith('.pdf') || f === 'index.json') fs.rmSync(path.join(out, f));
fs.rmSync(path.join(out, 'reference'), { recursive: true, force: true });
fs.mkdirSync(path.join(out, 'reference'));
const vectors = [];
const written = new Map();
const add = (file, bytes, description, signedFile, expect, extra = {}) => {
  fs.writeFileSync(path.join(out, file), bytes);
  written.set(file, bytes);
  const { at, trust, status, crl } = trustOf(signedFile);
  vectors.push({ file: `pdf/${file}`, description, ...extra, at, trust, status, crl, expect });
};

const VALID = [
  { name: 'de-valid', source: 'signed/licenses/de-valid.jws', paper: 'A4', description: 'BAFA license (ES256, compact JWS) rendered on A4: valid' },
  { name: 'de-valid-cosigned-jp', source: 'signed/licenses/de-valid-cosigned-jp.json', paper: 'Letter', description: 'the same license countersigned by METI (JSON serialization, license.jws.json) rendered on US Letter: valid, two signatures' },
  { name: 'us-valid-ps256', source: 'signed/licenses/us-valid-ps256.jws', paper: 'A4', description: 'BIS license (PS256) with two intermediate consignees rendered on A4: valid (status unknown: no BIS status list given)' },
];
const rendered = {};
for (const v of VALID) {
  rendered[v.name] = await renderSigned(v.source, v.paper);
  add(`${v.name}.pdf`, rendered[v.name].pdf, v.description, v.source.slice('signed/'.length), { verdict: 'VALID' }, { source: v.source, paper: v.paper, reference: `pdf/reference/${v.name}-p1.pgm` });
  // Reference raster of page 1, exactly as test/pdf-vectors.test.ts makes it.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xlic-pdf-ref-'));
  fs.writeFileSync(path.join(tmp, 'in.pdf'), rendered[v.name].pdf);
  execFileSync('pdftoppm', ['-r', '50', '-gray', '-f', '1', '-l', '1', '-singlefile', path.join(tmp, 'in.pdf'), path.join(tmp, 'p1')]);
  fs.copyFileSync(path.join(tmp, 'p1.pgm'), path.join(out, 'reference', `${v.name}-p1.pgm`));
  fs.rmSync(tmp, { recursive: true });
}

const de = rendered['de-valid'];
const us = rendered['us-valid-ps256'];
const deSource = 'licenses/de-valid.jws';
const usSource = 'licenses/us-valid-ps256.jws';

{
  const doc = await load(de.pdf);
  const { page, content } = editShownText(doc, '2 H87', '20 H87');
  replaceContent(doc, page, content);
  add('de-valid-tampered-quantity.pdf', await save(doc), 'de-valid.pdf with item 1\'s quantity "2 H87" changed to "20 H87" in the page content and saved again with pdf-lib; attachment and QR untouched', deSource, { verdict: 'INVALID', code: 'PDF_RENDERING_DIFFERS' });
}
{
  const doc = await load(de.pdf);
  const { page, content } = editShownText(doc, '2 H87', '20 H87');
  add('de-valid-tampered-incremental.pdf', appendIncrementalUpdate(de.pdf, doc, page, content), 'the same quantity edit appended to de-valid.pdf as an incremental update (original bytes kept, second xref section with /Prev)', deSource, { verdict: 'INVALID', code: 'PDF_INCREMENTAL_UPDATE' });
}
{
  const doc = await load(de.pdf);
  const spec = fileSpecs(doc).find((s) => s.dict.lookup(PDFName.of('UF')).decodeText() === 'license.jws');
  const ef = spec.dict.lookup(PDFName.of('EF'));
  const old = doc.context.lookup(ef.get(PDFName.of('F')));
  const bytes = new TextEncoder().encode(us.jws);
  const params = doc.context.obj({ Size: bytes.length, ModDate: old.dict.lookup(PDFName.of('Params')).get(PDFName.of('ModDate')) });
  doc.context.assign(ef.get(PDFName.of('F')), doc.context.flateStream(bytes, { Type: 'EmbeddedFile', Subtype: 'application/jose', Params: params }));
  add('de-valid-tampered-swapped-attachment.pdf', await save(doc), 'de-valid.pdf whose attached license.jws was replaced by another valid signed license (us-valid-ps256.jws); the page and QR codes still show the BAFA license', deSource, { verdict: 'INVALID', code: 'PDF_QR_MISMATCH' });
}
{
  const doc = await load(us.pdf);
  printForeignQr(doc, await load(de.pdf));
  setRecordedQr(doc, (await inspectLicensePdf(de.pdf)).qrTexts);
  add('us-valid-tampered-foreign-qr.pdf', await save(doc), 'us-valid-ps256.pdf with the QR codes of another license (de-valid) printed in its QR slots and recorded in /XLIC /QR: a scanner reads a valid BAFA license, the attachment is the BIS one', usSource, { verdict: 'INVALID', code: 'PDF_QR_MISMATCH' });
}
{
  const doc = await load(us.pdf);
  printForeignQr(doc, await load(de.pdf));
  add('us-valid-tampered-foreign-qr-printed.pdf', await save(doc), 'as us-valid-tampered-foreign-qr.pdf, but only the printed codes were replaced (/XLIC /QR untouched): found by the re-rendering', usSource, { verdict: 'INVALID', code: 'PDF_RENDERING_DIFFERS' });
}
{
  const doc = await load(de.pdf);
  doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert("Customs cleared");') }));
  add('de-valid-tampered-javascript.pdf', await save(doc), 'de-valid.pdf with a JavaScript /OpenAction added to the catalog', deSource, { verdict: 'INVALID', code: 'PDF_ACTIVE_CONTENT' });
}
{
  const doc = await load(de.pdf);
  for (const s of fileSpecs(doc)) {
    doc.context.delete(s.dict.lookup(PDFName.of('EF')).get(PDFName.of('F')));
    doc.context.delete(s.ref);
  }
  doc.catalog.delete(PDFName.of('AF'));
  doc.catalog.delete(PDFName.of('Names'));
  doc.catalog.delete(PDFName.of('PageMode'));
  add('de-valid-tampered-no-attachment.pdf', await save(doc), 'de-valid.pdf with the attached signed license removed (no embedded files); the page is unchanged', deSource, { verdict: 'INVALID', code: 'PDF_NO_ATTACHMENT' });
}

// ---------------------------------------------------------------- self-check, then index.json

const text = (p) => ({ name: p, text: fs.readFileSync(path.join(examples, p), 'utf8') });
for (const v of vectors) {
  const ctx = await loadTrust({
    trustLists: v.trust.map(text),
    statusLists: v.status.map(text),
    crls: v.crl.map((c) => ({ name: c, bytes: fromPem(fs.readFileSync(path.join(examples, c), 'utf8'))[0].der })),
    at: new Date(v.at),
  });
  const r = await verifyLicensePdf(written.get(v.file.slice('pdf/'.length)), ctx, { fonts });
  if (r.verdict !== v.expect.verdict || r.code !== v.expect.code) {
    throw new Error(`${v.file}: expected ${v.expect.verdict} ${v.expect.code ?? ''}, got ${r.verdict} ${r.code ?? ''}: ${r.reason ?? ''}`);
  }
}

fs.writeFileSync(path.join(out, 'index.json'), JSON.stringify({
  description: 'License PDF vectors: `xlic verify <file> --trust … --status … --crl … --at <at>` (paths relative to examples/) must give `expect`. Valid vectors name the signed license they were rendered from (`source`, `paper`) and a page-1 reference raster (`reference`, pdftoppm -r 50 -gray). Generated by scripts/make-pdf-vectors.mjs.',
  vectors,
}, null, 2) + '\n');

const total = fs.readdirSync(out, { recursive: true }).map((f) => path.join(out, f)).filter((f) => fs.statSync(f).isFile()).reduce((n, f) => n + fs.statSync(f).size, 0);
console.log(`wrote ${vectors.length} PDF vectors to examples/pdf/ (${(total / 1024).toFixed(0)} KiB in all)`);
