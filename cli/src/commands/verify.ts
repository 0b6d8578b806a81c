import { isXlicError } from '@xlic/core';
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
  for (const file of files) {
    const r = await verifyOne(file, ctx, flags);
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
  } else if (files.length > 1) {
    const valid = results.filter((r) => r.result?.verdict === 'VALID').length;
    const invalid = results.filter((r) => r.result?.verdict === 'INVALID').length;
    out(s.bold(`${files.length} documents: ${valid} valid, ${invalid} invalid${results.length - valid - invalid ? `, ${results.length - valid - invalid} unreadable` : ''}`));
  }
  return worstStatus(statuses);
}

async function verifyOne(file: string, ctx: TrustContext, flags: VerifyFlags): Promise<{ file: string; result?: VerificationResult; error?: { code: string; message: string } }> {
  try {
    const input = await readInput(file);
    const result = await verifyDocument(input.bytes, ctx, flags.requireFreshStatus ? { requireFreshStatus: true } : {});
    return { file: input.name, result };
  } catch (e) {
    if (!isXlicError(e)) throw e;
    return { file, error: { code: e.code, message: e.message } };
  }
}
