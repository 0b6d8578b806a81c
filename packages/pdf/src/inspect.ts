import { PDFArray, PDFName } from 'pdf-lib';
import { finding, isXlicError, type Finding } from '@xlic/core';
import { extractEmbedded, type EmbeddedDeclaration, type EmbeddedFile } from './extract.js';
import { arrayOf, dictOf, get, loadPdf, textOf } from './pdf-objects.js';
import { decodeQrTexts, type QrDecodeOptions } from './qr-payload.js';
import { XLIC_CATALOG_KEY } from './render.js';

/** What a license PDF carries, and what is wrong with it as a carrier. */
export interface LicensePdfInspection {
  /** The attached signed license as text (compact or JSON-serialized JWS). */
  jws?: string;
  licenseFile?: EmbeddedFile;
  declarations: EmbeddedDeclaration[];
  /** The QR texts the renderer printed, as recorded in the catalog (`/XLIC /QR`). */
  qrTexts: string[];
  /** Renderer version recorded in the catalog (`/XLIC /Version`); re-render with the same version. */
  rendererVersion?: number;
  /** Problems (PDF_* codes from extractEmbedded, PDF_QR_MISMATCH, PDF_QR_MISSING). */
  problems: Finding[];
}

/**
 * Read a license PDF without trusting it: the attached JWS and declarations, the recorded QR texts,
 * and checks that the QR texts decode to exactly the attached JWS (PDF_QR_MISMATCH).
 * The caller then verifies the JWS, re-renders it and compares (comparePdfRendering).
 *
 * @example
 * const r = await inspectLicensePdf(pdfBytes);
 * if (r.jws && r.problems.every((p) => p.severity !== 'error')) { … verify r.jws … }
 */
export async function inspectLicensePdf(pdfBytes: Uint8Array, options: QrDecodeOptions = {}): Promise<LicensePdfInspection> {
  const extracted = await extractEmbedded(pdfBytes);
  const problems = [...extracted.problems];
  const out: LicensePdfInspection = { declarations: extracted.declarations, qrTexts: [], problems };
  if (extracted.license) {
    out.licenseFile = extracted.license;
    try {
      out.jws = new TextDecoder('utf-8', { fatal: true }).decode(extracted.license.bytes);
    } catch {
      problems.push(finding('PDF_MALFORMED', '', `the license attachment ${extracted.license.name} is not UTF-8 text`));
    }
  }
  if (problems.some((p) => (p.code === 'PDF_MALFORMED' || p.code === 'PDF_TOO_LARGE') && !out.licenseFile)) return out;
  let doc;
  try {
    doc = await loadPdf(pdfBytes);
  } catch {
    return out;
  }
  const xlic = dictOf(doc, doc.catalog.get(PDFName.of(XLIC_CATALOG_KEY)));
  const version = get(doc, xlic, 'Version');
  if (version && 'asNumber' in version) out.rendererVersion = (version as unknown as { asNumber(): number }).asNumber();
  const qr = arrayOf(doc, xlic?.get(PDFName.of('QR')));
  if (qr instanceof PDFArray) for (let i = 0; i < qr.size(); i++) {
    const t = textOf(qr.get(i));
    if (t !== undefined) out.qrTexts.push(t);
  }
  if (out.qrTexts.length === 0) {
    problems.push({ ...finding('PDF_QR_MISSING', '', 'the PDF does not record its QR texts (/XLIC /QR in the catalog); compare the rendering instead'), severity: 'warning' });
  } else if (out.jws !== undefined) {
    try {
      const fromQr = await decodeQrTexts(out.qrTexts, options);
      if (fromQr !== out.jws) problems.push(finding('PDF_QR_MISMATCH', '', 'the QR codes carry a different signed license than the attachment'));
    } catch (e) {
      problems.push(finding('PDF_QR_MISMATCH', '', `the recorded QR texts do not decode: ${isXlicError(e) ? `${e.code}: ${e.message}` : String(e)}`));
    }
  }
  return out;
}
