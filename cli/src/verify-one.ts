import { isXlicError } from '@xlic/core';
import { verifyDocument, type TrustContext, type VerificationResult } from '@xlic/verify';
import { readInput } from './io/read-input.js';

/** The outcome for one input: a verdict, or an error when the input could not be read at all. */
export interface Outcome {
  file: string;
  result?: VerificationResult;
  error?: { code: string; message: string };
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** Read and verify one signed document or license PDF. */
export async function verifyFile(file: string, ctx: TrustContext, requireFreshStatus: boolean): Promise<Outcome> {
  try {
    const input = await readInput(file);
    const options = requireFreshStatus ? { requireFreshStatus: true } : {};
    if (PDF_MAGIC.every((b, i) => input.bytes[i] === b)) {
      // The PDF stack loads only when a PDF is verified: a JWS check stays fast to start.
      const { verifyLicensePdf } = await import('@xlic/pdf');
      const { loadDefaultFonts } = await import('@xlic/pdf/node');
      return { file: input.name, result: await verifyLicensePdf(input.bytes, ctx, { ...options, fonts: await loadDefaultFonts() }) };
    }
    return { file: input.name, result: await verifyDocument(input.bytes, ctx, options) };
  } catch (e) {
    if (!isXlicError(e)) throw e;
    return { file, error: { code: e.code, message: e.message } };
  }
}
