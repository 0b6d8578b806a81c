import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFRef, PDFStream, PDFString, decodePDFRawStream, type PDFObject } from 'pdf-lib';
import { XlicError, isXlicError } from '@xlic/core';
import { PDF_LIMITS, checkObjectCount, checkObjectStreams, checkPdfSize, inflateBounded } from './pdf-limits.js';

/** Parse PDF bytes with pdf-lib; PDF_MALFORMED when that fails or the file is encrypted. */
export async function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  checkPdfSize(bytes);
  checkObjectStreams(bytes);
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
    checkObjectCount(doc.context.enumerateIndirectObjects().length);
    // pdf-lib is lenient: bytes with a PDF header and no objects load as an empty shell.
    if (!(doc.catalog instanceof PDFDict) || doc.getPageCount() < 1) throw new Error('no document catalog or no pages');
    return doc;
  } catch (e) {
    if (isXlicError(e)) throw e;
    throw new XlicError('PDF_MALFORMED', `not a readable PDF: ${(e as Error).message}`, { cause: e });
  }
}

/** Follow a reference. */
export function resolve(doc: PDFDocument, obj: PDFObject | undefined): PDFObject | undefined {
  return obj instanceof PDFRef ? doc.context.lookup(obj) : obj;
}

export function dictOf(doc: PDFDocument, obj: PDFObject | undefined): PDFDict | undefined {
  const o = resolve(doc, obj);
  if (o instanceof PDFDict) return o;
  if (o instanceof PDFStream) return o.dict;
  return undefined;
}

export function arrayOf(doc: PDFDocument, obj: PDFObject | undefined): PDFArray | undefined {
  const o = resolve(doc, obj);
  return o instanceof PDFArray ? o : undefined;
}

export function get(doc: PDFDocument, dict: PDFDict | undefined, key: string): PDFObject | undefined {
  return dict ? resolve(doc, dict.get(PDFName.of(key))) : undefined;
}

/** A name's value without the slash, #xx escapes decoded. */
export function nameOf(obj: PDFObject | undefined): string | undefined {
  return obj instanceof PDFName ? obj.decodeText() : undefined;
}

/** A text string (literal or hex, PDFDocEncoding or UTF-16BE). */
export function textOf(obj: PDFObject | undefined): string | undefined {
  return obj instanceof PDFString || obj instanceof PDFHexString ? obj.decodeText() : undefined;
}

/** The decoded bytes of a stream (filters applied), at most PDF_LIMITS.maxStreamBytes (else PDF_TOO_LARGE). */
export function streamBytes(doc: PDFDocument, obj: PDFObject | undefined): Uint8Array | undefined {
  const o = resolve(doc, obj);
  if (o instanceof PDFRawStream) {
    const filter = o.dict.get(PDFName.of('Filter'));
    const only = filter instanceof PDFArray && filter.size() === 1 ? filter.get(0) : filter;
    // Plain Flate (what the renderer writes) is inflated with a bound; a deflate bomb stops at the limit.
    if (only === PDFName.of('FlateDecode') && o.dict.get(PDFName.of('DecodeParms')) === undefined) return inflateBounded(o.contents, PDF_LIMITS.maxStreamBytes);
    // Other filters: pdf-lib decodes block by block; stop reading once past the limit.
    const got = decodePDFRawStream(o).getBytes(PDF_LIMITS.maxStreamBytes + 1);
    const decoded = new Uint8Array(got.buffer, got.byteOffset, got.length);
    if (decoded.length > PDF_LIMITS.maxStreamBytes) throw new XlicError('PDF_TOO_LARGE', `a PDF stream decodes to more than ${PDF_LIMITS.maxStreamBytes} bytes`);
    return decoded;
  }
  if (o instanceof PDFStream) return (o as unknown as { getUnencodedContents(): Uint8Array }).getUnencodedContents();
  return undefined;
}

/** The concatenated, decoded content streams of a page. */
export function pageContent(doc: PDFDocument, pageIndex: number): Uint8Array {
  const page = doc.getPage(pageIndex);
  const contents = resolve(doc, page.node.get(PDFName.of('Contents')));
  const parts: Uint8Array[] = [];
  if (contents instanceof PDFArray) for (let i = 0; i < contents.size(); i++) parts.push(streamBytes(doc, contents.get(i)) ?? new Uint8Array(0));
  else parts.push(streamBytes(doc, contents) ?? new Uint8Array(0));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    out[o + p.length] = 0x0a;
    o += p.length + 1;
  }
  return out;
}
