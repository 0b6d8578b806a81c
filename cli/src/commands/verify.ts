import { availableParallelism } from 'node:os';
import { XlicError, isXlicError } from '@xlic/core';
import { findSuperseded, licenseRecord, verifyDocument, type LicenseRecord, type TrustContext } from '@xlic/verify';
import { EXIT, exitStatusFor, worstStatus } from '../exit-status.js';
import { expandInputs } from '../io/expand-inputs.js';
import { parseTime } from '../io/time.js';
import type { TrustFlags } from '../io/trust-inputs.js';
import { loadVerifyEnv, type VerifyEnv } from '../io/verify-env.js';
import { Progress } from '../output/progress.js';
import { styleFor } from '../output/style.js';
import { formatTrustSummary, formatVerdict } from '../output/verdict.js';
import { err, out } from '../output/write.js';
import { brief, type Brief } from '../verify-brief.js';
import { verifyFile, type Outcome } from '../verify-one.js';
import { verifyInWorkers } from '../verify-pool.js';

export interface VerifyFlags extends TrustFlags {
  at?: string;
  qr?: string[];
  rules?: string[];
  requireFreshStatus?: boolean;
  json?: boolean;
  jobs?: string;
  cache?: boolean;
}

/** Below this many documents, worker threads cost more to start than they save. */
const WORKER_THRESHOLD = 64;
const IN_FLIGHT = 16;

/**
 * `xlic verify <file…>`: verify signed documents (files, directories, "-" for a list of paths) against
 * the configured trust, offline. One document gets the full verdict; several stream one line each
 * (or JSON Lines) and end with a summary by reason code.
 */
export async function verifyCommand(args: string[], flags: VerifyFlags): Promise<number> {
  const at = parseTime(flags.at);
  const trustFlags = { ...flags, cache: flags.cache !== false };
  const env = await loadVerifyEnv(trustFlags, at);
  const ctx = env.ctx;
  const files = await expandInputs(args, readStdinText);
  const total = files.length + (flags.qr?.length ? 1 : 0);
  if (total === 0) throw new XlicError('USAGE', 'nothing to verify: give files or directories, "-" for a list on standard input, or --qr <scanned text>');
  const jobs = parseJobs(flags.jobs, files.length);
  const s = styleFor(process.stdout);
  // Amendments need every document's verdict first, so a batch that resolves them is never "detailed".
  const detailed = total === 1 && !flags.json;
  const summary = { valid: 0, invalid: 0, error: 0, byCode: {} as Record<string, number> };
  const statuses: number[] = [];
  const progress = new Progress(total);

  if (flags.json) out(JSON.stringify({ type: 'trust', at: at.toISOString(), rules: env.rules.map((r) => r.source), lists: ctx.trustLists, statusLists: [...ctx.statusLists.values()].map((x) => ({ id: x.list.id, sequence: x.list.sequence, source: x.source, stale: x.stale })), crls: ctx.crls.length, bundle: ctx.bundle ?? null, notices: ctx.notices }));
  else out(s.dim(formatTrustSummary(ctx)));

  // Amendments span documents: remember each valid license (a few fields) to resolve them at the end.
  const records: Array<{ file: string; record: LicenseRecord }> = [];
  const tally = (b: Brief): void => {
    if (b.record) records.push({ file: b.file, record: b.record });
    if (b.error) {
      summary.error++;
      summary.byCode[b.error.code] = (summary.byCode[b.error.code] ?? 0) + 1;
      statuses.push(exitStatusFor(b.error.code as never));
    } else if (b.verdict === 'VALID') {
      summary.valid++;
      statuses.push(EXIT.OK);
    } else {
      summary.invalid++;
      summary.byCode[b.code!] = (summary.byCode[b.code!] ?? 0) + 1;
      statuses.push(EXIT.INVALID);
    }
  };
  const show = (b: Brief, o?: Outcome): void => {
    progress.clear();
    if (flags.json) out(b.json!);
    else if (b.error) err(`${s.bad('ERROR  ')}  ${b.file}: ${b.error.message} [${b.error.code}]`);
    else if (detailed && o?.result) for (const line of formatVerdict(o.file, o.result, s)) out(line);
    else out(b.verdict === 'VALID' ? `${s.ok('VALID  ')}  ${b.id ?? '-'}  ${s.dim(b.file)}` : `${s.bad('INVALID')}  ${b.id ?? '-'}  ${s.dim(b.file)}  ${b.reason} ${s.dim(`[${b.code}]`)}`);
    progress.update(summary.valid + summary.invalid + summary.error, summary.invalid + summary.error);
  };
  const onBrief = (b: Brief): void => {
    tally(b);
    show(b);
  };
  const report = (o: Outcome): void => {
    const b = brief(o, Boolean(flags.json), o.result ? licenseRecord(o.result) : undefined);
    tally(b);
    show(b, o);
  };

  if (jobs > 1) await verifyInWorkers(files, { ...trustFlags, at: at.toISOString(), ...(flags.requireFreshStatus ? { requireFreshStatus: true } : {}), ...(flags.json ? { json: true } : {}) }, jobs, IN_FLIGHT, onBrief);
  else await inProcess(files, env, Boolean(flags.requireFreshStatus), report);
  if (flags.qr?.length) report(await verifyQr(flags.qr, ctx, Boolean(flags.requireFreshStatus)));
  progress.clear();

  for (const [i, by] of findSuperseded(records.map((r) => r.record))) {
    const { file, record } = records[i]!;
    const message = `superseded by license ${by.id} of ${by.issuer.agencyId} (${by.issuer.country}), issued ${by.issuedAt}, which is the one in force`;
    summary.valid--;
    summary.invalid++;
    summary.byCode['LICENSE_SUPERSEDED'] = (summary.byCode['LICENSE_SUPERSEDED'] ?? 0) + 1;
    statuses.push(EXIT.INVALID);
    if (flags.json) out(JSON.stringify({ type: 'amendment', file, license: record.id, verdict: 'INVALID', code: 'LICENSE_SUPERSEDED', reason: message, successor: by.id }));
    else out(`${s.bad('INVALID')}  ${record.id}  ${s.dim(file)}  ${message} ${s.dim('[LICENSE_SUPERSEDED]')}`);
  }

  if (flags.json) out(JSON.stringify({ type: 'summary', documents: total, ...summary }));
  else if (!detailed) {
    const codes = Object.entries(summary.byCode).sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ');
    out(s.bold(`${total} documents: ${summary.valid} valid, ${summary.invalid} invalid${summary.error ? `, ${summary.error} unreadable` : ''}${codes ? ` (${codes})` : ''}`));
  }
  return worstStatus(statuses);
}

/** Verify on this thread with several documents in flight. */
async function inProcess(files: string[], env: VerifyEnv, fresh: boolean, report: (o: Outcome) => void): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < files.length) report(await verifyFile(files[next++]!, env, fresh));
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, files.length) }, lane));
}

function parseJobs(value: string | undefined, files: number): number {
  if (value === undefined) return files >= WORKER_THRESHOLD ? Math.max(1, availableParallelism()) : 1;
  if (!/^[1-9][0-9]{0,2}$/.test(value)) throw new XlicError('USAGE', `--jobs must be a whole number from 1 to 999, got ${JSON.stringify(value)}`);
  return Math.min(Number(value), Math.max(1, files));
}

async function readStdinText(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of process.stdin) {
    size += (c as Buffer).length;
    if (size > 64 * 1024 * 1024) throw new XlicError('INPUT_TOO_LARGE', 'the list of paths on standard input is larger than 64 MiB');
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** What a handheld scanner read: one or more QR texts that reassemble into the signed license. */
async function verifyQr(texts: string[], ctx: TrustContext, fresh: boolean): Promise<Outcome> {
  const label = `(scanned QR, ${texts.length} code${texts.length === 1 ? '' : 's'})`;
  try {
    const { decodeQrTexts } = await import('@xlic/pdf');
    const jws = await decodeQrTexts(texts);
    return { file: label, result: await verifyDocument(jws, ctx, { expect: 'license', ...(fresh ? { requireFreshStatus: true } : {}) }) };
  } catch (e) {
    // Text that does not decode to a signed license is an input error (exit 2), like an unreadable file.
    if (!isXlicError(e)) throw e;
    return { file: label, error: { code: e.code, message: e.message } };
  }
}
