import { isXlicError, type License } from '@xlic/core';
import { CheckList, verifyDocument, withChecks, type TrustContext, type VerificationResult, type VerifyOptions } from '@xlic/verify';
import { comparePdfRendering, type RenderingDifference } from './compare.js';
import type { FontSet } from './fonts.js';
import { inspectLicensePdf } from './inspect.js';
import { loadPdf } from './pdf-objects.js';
import { PAPER, renderLicensePdf } from './render.js';
import { signersFromJws } from './signers.js';

/** A PDF verdict: the verdict on the attached license plus what the PDF itself showed. */
export interface PdfVerificationResult extends VerificationResult {
  pdf: { attachment?: string; declarations: string[]; qrCodes: number; paper?: keyof typeof PAPER; differences: RenderingDifference[] };
}

/**
 * Verify a license PDF: extract the attached signed license and verify it like any signed license;
 * refuse active content, incremental updates, missing or conflicting attachments and a QR that does not
 * carry the attachment; then re-render the page from the verified license (rendering is deterministic)
 * and compare, naming every visible difference.
 *
 * @example
 * const r = await verifyLicensePdf(pdfBytes, ctx, { fonts: await loadDefaultFonts() });
 */
export async function verifyLicensePdf(pdfBytes: Uint8Array, ctx: TrustContext, options: VerifyOptions & { fonts: FontSet }): Promise<PdfVerificationResult> {
  const pdfChecks = new CheckList();
  const inspection = await inspectLicensePdf(pdfBytes);
  for (const p of inspection.problems) {
    if (p.severity === 'warning') pdfChecks.warn('pdf', p.code, p.message);
    else pdfChecks.fail('pdf', p.code, p.message);
  }
  const pdf: PdfVerificationResult['pdf'] = { declarations: inspection.declarations.map((d) => d.name), qrCodes: inspection.qrTexts.length, differences: [] };
  if (inspection.licenseFile) pdf.attachment = inspection.licenseFile.name;
  if (!inspection.jws) {
    if (!pdfChecks.failed) pdfChecks.fail('pdf', 'PDF_NO_ATTACHMENT', 'the PDF carries no signed license attachment');
    return merge(pdfChecks, { verdict: 'INVALID', checks: [], signatures: [], findings: [] }, pdf);
  }
  const base = await verifyDocument(inspection.jws, ctx, { ...options, expect: 'license' });
  if (base.kind === 'license' && base.document && base.findings.every((f) => f.severity !== 'error')) {
    try {
      const paper = await paperOf(pdfBytes);
      if (paper) pdf.paper = paper;
      const license = base.document as License;
      const declarations = inspection.declarations.filter((d) => d.id).map((d) => ({ id: d.id!, jws: new TextDecoder().decode(d.bytes) }));
      const expected = await renderLicensePdf({ license, jws: inspection.jws, signers: await signersFromJws(inspection.jws, license), declarations, paper: paper ?? 'A4', fonts: options.fonts });
      const cmp = await comparePdfRendering(pdfBytes, expected);
      pdf.differences = cmp.differences;
      if (cmp.identical) pdfChecks.pass('pdf', `the visible pages are exactly the rendering of the attached license (${paper ?? 'A4'})`);
      else pdfChecks.fail('pdf', 'PDF_RENDERING_DIFFERS', `the visible pages differ from the attached license: ${cmp.differences.slice(0, 3).map(describe).join('; ')}${cmp.differences.length > 3 ? `; and ${cmp.differences.length - 3} more` : ''}`);
    } catch (e) {
      if (!isXlicError(e)) throw e;
      pdfChecks.fail('pdf', e.code, `could not re-render the license to compare: ${e.message}`);
    }
  }
  return merge(pdfChecks, base, pdf);
}

function describe(d: RenderingDifference): string {
  return d.kind === 'text' ? `page ${d.page} shows ${JSON.stringify(d.actual)} where the license says ${JSON.stringify(d.expected)}` : `page ${d.page}: ${d.kind} differs (expected ${d.expected}, found ${d.actual})`;
}

async function paperOf(pdfBytes: Uint8Array): Promise<keyof typeof PAPER | undefined> {
  const doc = await loadPdf(pdfBytes);
  const page = doc.getPages()[0];
  if (!page) return undefined;
  const { width, height } = page.getSize();
  for (const [name, [w, h]] of Object.entries(PAPER)) if (Math.abs(width - w) < 1 && Math.abs(height - h) < 1) return name as keyof typeof PAPER;
  return undefined;
}

function merge(pdfChecks: CheckList, base: VerificationResult, pdf: PdfVerificationResult['pdf']): PdfVerificationResult {
  return { ...withChecks(base, [...pdfChecks.checks, ...base.checks]), pdf };
}
