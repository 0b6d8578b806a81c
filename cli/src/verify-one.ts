import { decodeText, detectKind, isXlicError, parseJson } from '@xlic/core';
import { applyRules, verifyDocument, verifyDossier, withChecks, type VerificationResult } from '@xlic/verify';
import { readInput } from './io/read-input.js';
import type { VerifyEnv } from './io/verify-env.js';

/** The outcome for one input: a verdict, or an error when the input could not be read at all. */
export interface Outcome {
  file: string;
  result?: VerificationResult;
  error?: { code: string; message: string };
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** Read and verify one signed document, license PDF or shipment dossier, then apply the rules. */
export async function verifyFile(file: string, env: VerifyEnv, requireFreshStatus: boolean): Promise<Outcome> {
  try {
    const input = await readInput(file);
    const options = requireFreshStatus ? { requireFreshStatus: true } : {};
    const { ctx, rules } = env;
    if (PDF_MAGIC.every((b, i) => input.bytes[i] === b)) {
      // The PDF stack loads only when a PDF is verified: a JWS check stays fast to start.
      const { verifyLicensePdf } = await import('@xlic/pdf');
      const { loadDefaultFonts } = await import('@xlic/pdf/node');
      const result = await verifyLicensePdf(input.bytes, ctx, { ...options, fonts: await loadDefaultFonts() });
      return { file: input.name, result: await screen(applyRules(result, rules, [], ctx.at), result.document, env) };
    }
    const dossier = asDossier(input.bytes);
    if (dossier !== undefined) return { file: input.name, result: await screen(await verifyDossier(dossier, ctx, { ...options, rules }), dossier, env) };
    const result = applyRules(await verifyDocument(input.bytes, ctx, options), rules, [], ctx.at);
    return { file: input.name, result: await screen(result, result.document, env) };
  } catch (e) {
    if (!isXlicError(e)) throw e;
    return { file, error: { code: e.code, message: e.message } };
  }
}

/** Add screening and denial checks to a verified license or dossier, when screening inputs were given. */
async function screen(result: VerificationResult, document: unknown, env: VerifyEnv): Promise<VerificationResult> {
  if (!env.screening || result.kind !== 'license' || document === undefined) return result;
  const { screeningChecks } = await import('./screening-checks.js');
  const checks = await screeningChecks(document, env.screening.index, env.screening.notices, env.ctx.at);
  return withChecks(result, [...result.checks, ...checks]);
}

/** A shipment dossier is plain JSON with documentType "dossier"; anything else goes to the JWS verifier. */
function asDossier(bytes: Uint8Array): unknown {
  let i = 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09 || bytes[i] === 0xef || bytes[i] === 0xbb || bytes[i] === 0xbf)) i++;
  if (bytes[i] !== 0x7b) return undefined;
  try {
    const doc = parseJson(decodeText(bytes));
    return detectKind(doc) === 'dossier' ? doc : undefined;
  } catch {
    return undefined;
  }
}
