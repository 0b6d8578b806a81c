import { XlicError, isXlicError } from '@xlic/core';
import { verifyDocument, type TrustContext, type VerificationResult } from '@xlic/verify';
import { EXIT, exitStatusFor, worstStatus } from '../exit-status.js';
import { readInput } from '../io/read-input.js';
import { parseTime } from '../io/time.js';
import { loadTrustFromFlags, type TrustFlags } from '../io/trust-inputs.js';
import { styleFor } from '../output/style.js';
import { formatTrustSummary, formatVerdict } from '../output/verdict.js';
import { err, out, outJson } from '../output/write.js';

export interface VerifyFlags extends TrustFlags {
  at?: string;
  qr?: string[];
  requireFreshStatus?: boolean;
  json?: boolean;
}

/** `xlic verify <file…>`: verify signed documents against the configured trust, offline. */
export async function verifyCommand(files: string[], flags: VerifyFlags): Promise<number> {
  const at = parseTime(flags.at);
  const ctx = await loadTrustFromFlags(flags, at);
  const s = styleFor(process.stdout);
  if (!flags.json) out(s.dim(formatTrustSummary(ctx)));
  const statuses: number[] = [];
  const results: Array<{ file: string; result?: VerificationResult; error?: { code: string; message: string } }> = [];
  const inputs: Array<{ file: string; qr?: string[] }> = files.map((file) => ({ file }));
  if (flags.qr?.length) inputs.push({ file: `(scanned QR, ${flags.qr.length} code${flags.qr.length === 1 ? '' : 's'})`, qr: flags.qr });
  if (inputs.length === 0) throw new XlicError('USAGE', 'nothing to verify: give files, or --qr <scanned text>');
  for (const { file, qr } of inputs) {
    const r = qr ? await verifyQr(file, qr, ctx, flags) : await verifyOne(file, ctx, flags);
    results.push(r);
    if (r.error) {
      statuses.push(exitStatusFor(r.error.code as never));
      if (!flags.json) err(`${s.bad('ERROR')}    ${file}: ${r.error.message} [${r.error.code}]`);
    } else {
      statuses.push(r.result!.verdict === 'VALID' ? EXIT.OK : EXIT.INVALID);
      if (!flags.json) for (const line of formatVerdict(r.file, r.result!, s)) out(line);
    }
  }
  if (flags.json) {
    outJson({ at: at.toISOString(), trust: { lists: ctx.trustLists, statusLists: [...ctx.statusLists.values()].map((x) => ({ id: x.list.id, sequence: x.list.sequence, source: x.source, stale: x.stale })), crls: ctx.crls.length, bundle: ctx.bundle ?? null }, results });
  } else if (inputs.length > 1) {
    const valid = results.filter((r) => r.result?.verdict === 'VALID').length;
    const invalid = results.filter((r) => r.result?.verdict === 'INVALID').length;
    out(s.bold(`${inputs.length} documents: ${valid} valid, ${invalid} invalid${results.length - valid - invalid ? `, ${results.length - valid - invalid} unreadable` : ''}`));
  }
  return worstStatus(statuses);
}

type Outcome = { file: string; result?: VerificationResult; error?: { code: string; message: string } };

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

async function verifyOne(file: string, ctx: TrustContext, flags: VerifyFlags): Promise<Outcome> {
  try {
    const input = await readInput(file);
    const options = flags.requireFreshStatus ? { requireFreshStatus: true } : {};
    if (PDF_MAGIC.every((b, i) => input.bytes[i] === b)) {
      // The PDF stack loads only when a PDF is verified: a JWS check stays fast to start.
      const { verifyLicensePdf } = await import('@xlic/pdf');
      const { loadDefaultFonts } = await import('@xlic/pdf/node');
      return { file: input.name, result: await verifyLicensePdf(input.bytes, ctx, { ...options, fonts: await loadDefaultFonts() }) };
    }
    const result = await verifyDocument(input.bytes, ctx, options);
    return { file: input.name, result };
  } catch (e) {
    if (!isXlicError(e)) throw e;
    return { file, error: { code: e.code, message: e.message } };
  }
}

/** What a handheld scanner read: one or more QR texts that reassemble into the signed license. */
async function verifyQr(label: string, texts: string[], ctx: TrustContext, flags: VerifyFlags): Promise<Outcome> {
  try {
    const { decodeQrTexts } = await import('@xlic/pdf');
    const jws = await decodeQrTexts(texts);
    return { file: label, result: await verifyDocument(jws, ctx, { expect: 'license', ...(flags.requireFreshStatus ? { requireFreshStatus: true } : {}) }) };
  } catch (e) {
    if (!isXlicError(e)) throw e;
    return { file: label, result: { verdict: 'INVALID', code: e.code, reason: e.message, checks: [{ name: 'qr', status: 'fail', code: e.code, message: e.message }], signatures: [], findings: [] } };
  }
}
