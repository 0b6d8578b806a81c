import {
  PDFArray,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFString,
  fill,
  lineTo,
  moveTo,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingRgbColor,
  setLineWidth,
  setStrokingRgbColor,
  stroke,
  type PDFFont,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import { XlicError, type License } from '@xlic/core';
import { LICENSE_FILE_COMPACT, LICENSE_FILE_JSON, MIME_JOSE, MIME_JOSE_JSON, declarationFileName, embedAssociatedFiles, isJsonSerialization, type AssociatedFile } from './attachments.js';
import { sha256, sha256Hex, toHex } from './digest.js';
import { fontkitAdapter, parseFontSet, useGlyphUseIds, type FontKey, type FontSet } from './fonts.js';
import { jwsPayloadBytes } from './jws-payload.js';
import { layoutLicense, type SignerInfo } from './layout-license.js';
import { GREY, PageFlow, type DrawCommand, type PageGeometry } from './page-flow.js';
import { encodeQrPayload } from './qr-payload.js';
import { TextLayout } from './text-layout.js';
import { showGlyphs } from './glyph-text.js';

/** Version of the page layout. Same inputs and same version give byte-identical PDFs. */
export const RENDERER_VERSION = 1;
/** /Producer of every PDF this renderer writes. */
export const PRODUCER = `xlic @xlic/pdf renderer ${RENDERER_VERSION}`;

/** Catalog key of the xlic dictionary (`/XLIC << /Version 1 /QR [(…) …] >>`) holding the printed QR texts. */
export const XLIC_CATALOG_KEY = 'XLIC';

const FONT_ORDER: readonly FontKey[] = ['latin', 'latinBold', 'japanese', 'chinese', 'korean', 'arabic'];

/** Paper sizes in points. */
export const PAPER = {
  A4: [595.28, 841.89],
  Letter: [612, 792],
} as const;

/** Input of renderLicensePdf. */
export interface RenderInput {
  license: License;
  /** The signed license: compact JWS or JSON general serialization text; payload = the license JSON bytes. */
  jws: string;
  signers: readonly SignerInfo[];
  /** Signed end-use declarations to attach (id as in the license's endUseDeclarations). */
  declarations?: ReadonlyArray<{ id: string; jws: string }>;
  paper?: keyof typeof PAPER;
  fonts: FontSet;
}

/**
 * Render a license as a PDF a customs officer can read, with the signed original attached
 * (PDF/A-3 associated file, /AFRelationship /Source) and printed as QR code(s).
 * Deterministic: the same input and RENDERER_VERSION give the same bytes.
 *
 * @example
 * const fonts = await loadDefaultFonts(); // from '@xlic/pdf/node'
 * const pdf = await renderLicensePdf({ license, jws, signers, fonts, paper: 'A4' });
 */
export async function renderLicensePdf(input: RenderInput): Promise<Uint8Array> {
  const { license, jws } = input;
  const paper = input.paper ?? 'A4';
  const [width, height] = PAPER[paper];
  const jwsBytes = new TextEncoder().encode(jws);
  const jwsHash = await sha256(jwsBytes);
  const json = isJsonSerialization(jws);
  const licenseFileName = json ? LICENSE_FILE_JSON : LICENSE_FILE_COMPACT;

  const taken = new Set([licenseFileName]);
  const declarations = [];
  for (const d of input.declarations ?? []) {
    const fileName = declarationFileName(d.id, d.jws, taken);
    declarations.push({ ...d, fileName, payloadSha256: await sha256Hex(jwsPayloadBytes(d.jws)) });
  }
  const qrTexts = await encodeQrPayload(jws);

  const parsed = parseFontSet(input.fonts);
  const text = new TextLayout(parsed);
  const geometry: PageGeometry = { width, height, left: 42, right: 42, top: 40, bottom: 52 };
  const flow = new PageFlow(geometry, text);
  layoutLicense(flow, { license, signers: input.signers, declarations, licenseFileName, jwsSha256: toHex(jwsHash), qrTexts });
  const total = flow.pages.length;
  flow.pages.forEach((page, i) => {
    const footer = `License ${license.id} · ${license.issuer.country} ${license.issuer.agencyId} · ${PRODUCER}`;
    const style = { size: 7 };
    for (const run of text.layout(footer, style, width * 0.7)[0]!.runs) page.push({ kind: 'text', x: geometry.left + run.x, y: 26, size: 7, font: run.font, text: run.text, color: GREY });
    const label = `Page ${i + 1} of ${total}`;
    const line = text.layout(label, style, width)[0]!;
    for (const run of line.runs) page.push({ kind: 'text', x: width - geometry.right - line.width + run.x, y: 26, size: 7, font: run.font, text: run.text, color: GREY });
  });

  let doc: PDFDocument;
  try {
    doc = await PDFDocument.create({ updateMetadata: false });
    doc.registerFontkit(fontkitAdapter as never);
    const used = new Set<FontKey>();
    for (const page of flow.pages) for (const c of page) if (c.kind === 'text') used.add(c.font);
    const pdfFonts = new Map<FontKey, PDFFont>();
    // Embedding order is fixed so object numbers are stable; subset tags derive from the JWS hash.
    for (const key of FONT_ORDER) {
      if (!used.has(key)) continue;
      const tag = subsetTag(await sha256(new TextEncoder().encode(`${toHex(jwsHash)}/${key}`)));
      const name = `${tag}+${parsed.get(key)!.font.postscriptName.replace(/[^A-Za-z0-9-]/g, '')}`;
      const font = await doc.embedFont(input.fonts[key]!, { subset: true, customName: name });
      useGlyphUseIds(font);
      pdfFonts.set(key, font);
    }
    for (const commands of flow.pages) drawPage(doc.addPage([width, height]), commands, pdfFonts);

    const issued = new Date(license.issuedAt);
    doc.setTitle(`Export license ${license.id}`);
    doc.setAuthor(license.issuer.name);
    doc.setSubject(`Export license ${license.id} issued by ${license.issuer.name} (${license.issuer.country} ${license.issuer.agencyId})`);
    doc.setKeywords(['xlic', 'export license', license.id]);
    doc.setProducer(PRODUCER);
    doc.setCreator('xlic');
    doc.setCreationDate(issued);
    doc.setModificationDate(issued);
    doc.setLanguage('en');

    const pdfDate = toPdfDate(issued);
    const files: AssociatedFile[] = [
      { name: licenseFileName, bytes: jwsBytes, mimeType: json ? MIME_JOSE_JSON : MIME_JOSE, description: `Signed export license ${license.id} (the original; this page is a rendering of it)`, relationship: 'Source', modDate: pdfDate },
      ...declarations.map((d): AssociatedFile => ({ name: d.fileName, bytes: new TextEncoder().encode(d.jws), mimeType: isJsonSerialization(d.jws) ? MIME_JOSE_JSON : MIME_JOSE, description: `Signed end-use declaration ${d.id}`, relationship: 'Supplement', modDate: pdfDate })),
    ];
    embedAssociatedFiles(doc, files);

    const qr = PDFArray.withContext(doc.context);
    for (const t of qrTexts) qr.push(PDFString.of(t));
    const xlic = doc.context.obj({ Version: RENDERER_VERSION });
    xlic.set(PDFName.of('QR'), qr);
    doc.catalog.set(PDFName.of(XLIC_CATALOG_KEY), xlic);

    const id = PDFHexString.of(toHex(jwsHash.subarray(0, 16)).toUpperCase());
    doc.context.trailerInfo.ID = doc.context.obj([id, id]);
    return await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
  } catch (e) {
    if (e instanceof XlicError) throw e;
    throw new XlicError('PDF_MALFORMED', `rendering the PDF failed: ${(e as Error).message}`, { cause: e });
  }
}

function drawPage(page: PDFPage, commands: readonly DrawCommand[], fonts: Map<FontKey, PDFFont>): void {
  const fontNames = new Map<FontKey, PDFName>();
  for (const c of commands) {
    switch (c.kind) {
      case 'text': {
        const font = fonts.get(c.font)!;
        let name = fontNames.get(c.font);
        if (!name) {
          name = PDFName.of(`F${FONT_ORDER.indexOf(c.font) + 1}`);
          page.node.setFontDictionary(name, font.ref);
          fontNames.set(c.font, name);
        }
        page.pushOperators(...showGlyphs(page.doc.context, font, name, c.text, c.x, c.y, c.size, c.color));
        break;
      }
      case 'rect':
        page.pushOperators(pushGraphicsState(), setFillingRgbColor(...c.color), rectangle(r3(c.x), r3(c.y), r3(c.width), r3(c.height)), fill(), popGraphicsState());
        break;
      case 'line':
        page.pushOperators(pushGraphicsState(), setStrokingRgbColor(...c.color), setLineWidth(c.width), moveTo(r3(c.x1), r3(c.y1)), lineTo(r3(c.x2), r3(c.y2)), stroke(), popGraphicsState());
        break;
      case 'qr':
        page.pushOperators(...qrOperators(c));
        break;
    }
  }
}

// One path of rectangles (dark runs per row) filled at once: no seams between modules when rasterized.
function qrOperators(c: Extract<DrawCommand, { kind: 'qr' }>): PDFOperator[] {
  const ops: PDFOperator[] = [pushGraphicsState(), setFillingRgbColor(0, 0, 0)];
  const round = (n: number): number => Math.round(n * 1000) / 1000;
  c.dark.forEach((row, r) => {
    const y0 = round(c.y + (c.size - r - 1) * c.module);
    const y1 = round(c.y + (c.size - r) * c.module);
    for (let col = 0; col < row.length; ) {
      if (!row[col]) {
        col++;
        continue;
      }
      let end = col;
      while (end < row.length && row[end]) end++;
      const x0 = round(c.x + col * c.module);
      const x1 = round(c.x + end * c.module);
      ops.push(rectangle(x0, y0, round(x1 - x0), round(y1 - y0)));
      col = end;
    }
  });
  ops.push(fill(), popGraphicsState());
  return ops;
}

// Coordinates to 1/1000 pt: short, exact decimal output.
function r3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function subsetTag(hash: Uint8Array): string {
  let tag = '';
  for (let i = 0; i < 6; i++) tag += String.fromCharCode(65 + (hash[i]! % 26));
  return tag;
}

function toPdfDate(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
}

