import { readFile } from 'node:fs/promises';
import { XlicError, decodeText, isXlicError, parseJws, parseJson, validateDocument, type License } from '@xlic/core';
import { cosignDocument, signDocument } from '@xlic/sign';
import { EXIT } from '../exit-status.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { loadSigner, type SignerFiles } from '../io/load-signer.js';
import { readInput } from '../io/read-input.js';
import { parseTime } from '../io/time.js';
import { styleFor } from '../output/style.js';
import { err, out, outJson } from '../output/write.js';

export interface SignFlags extends SignerFiles {
  out?: string;
  at?: string;
  force?: boolean;
  json?: boolean;
  /** Allies' signed denial notices: a license they cover is not signed (docs/drafts/cli-screening.md). */
  denials?: string[];
  consultation?: string[];
  trust?: string[];
}

/** `xlic sign <document.json>`: validate, then sign as a compact JWS. */
export async function signCommand(file: string, flags: SignFlags): Promise<number> {
  const input = await readInput(file);
  const document = parseJson(decodeText(input.bytes));
  const validation = validateDocument(document);
  if (!validation.valid) {
    const s = styleFor(process.stderr);
    err(`${s.bad('NOT SIGNED')} ${input.name} is not a valid ${validation.kind}:`);
    for (const f of validation.findings.filter((x) => x.severity === 'error')) err(`  ✗ ${f.message} [${f.code}]`);
    if (flags.json) outJson({ signed: false, kind: validation.kind, findings: validation.findings });
    return EXIT.INVALID;
  }
  if (flags.out && !flags.force) await refuseRollback(flags.out, document);
  if (flags.denials?.length || flags.consultation?.length) {
    if (validation.kind !== 'license') throw new XlicError('USAGE', `--denials and --consultation apply to licenses, not to a ${validation.kind}`);
    if (await refuseDenied(document as License, input.name, flags)) return EXIT.INVALID;
  }
  const signer = await loadSigner(flags);
  const signed = await signDocument(document, signer, flags.at ? { signingTime: parseTime(flags.at) } : {});
  if (flags.out) await writeFileAtomic(flags.out, signed.jws + '\n');
  else if (!flags.json) out(signed.jws);
  if (flags.json) outJson({ signed: true, kind: signed.kind, file: flags.out ?? null, payloadSha256: signed.payloadSha256, ...(flags.out ? {} : { jws: signed.jws }) });
  else if (flags.out) out(`signed ${signed.kind} ${String((document as { id?: unknown }).id)} → ${flags.out} (payload sha256 ${signed.payloadSha256})`);
  return EXIT.OK;
}

/** `xlic cosign <signed>`: add a countersignature, keeping the payload and existing signatures. */
export async function cosignCommand(file: string, flags: SignFlags): Promise<number> {
  const input = await readInput(file);
  const signer = await loadSigner(flags);
  const json = await cosignDocument(decodeText(input.bytes), signer, flags.at ? { signingTime: parseTime(flags.at) } : {});
  const count = (JSON.parse(json) as { signatures: unknown[] }).signatures.length;
  if (flags.out) await writeFileAtomic(flags.out, json + '\n');
  else if (!flags.json) out(json);
  if (flags.json) outJson({ signed: true, signatures: count, file: flags.out ?? null, ...(flags.out ? {} : { jws: json }) });
  else if (flags.out) out(`countersigned ${input.name} → ${flags.out} (${count} signatures)`);
  return EXIT.OK;
}

/** True (after saying why) when an ally's unexpired denial covers the license and no consultation is recorded. */
async function refuseDenied(license: License, name: string, flags: SignFlags): Promise<boolean> {
  const at = flags.at ? parseTime(flags.at) : new Date();
  const { loadTrustFromFlags } = await import('../io/trust-inputs.js');
  const { denialsBeforeSigning } = await import('../screening-checks.js');
  const matches = await denialsBeforeSigning(license, flags.denials ?? [], await loadTrustFromFlags({ trust: flags.trust ?? [] }, at), at, flags.consultation ?? []);
  const blocking = matches.filter((m) => m.state === 'blocking');
  if (blocking.length === 0) {
    for (const m of matches) err(`note: ${m.explanation}${m.state === 'consulted' ? ' [DENIAL_CONSULTED]' : ''}`);
    return false;
  }
  const s = styleFor(process.stderr);
  err(`${s.bad('NOT SIGNED')} ${name}: ${blocking.length === 1 ? 'an ally\'s denial covers' : `${blocking.length} allies' denials cover`} this transaction:`);
  for (const m of blocking) err(`  ✗ ${m.explanation} [DENIAL_BLOCKS_LICENSE]`);
  err(`  Consult the denying agency, then record it (xlic sign --consultation ${blocking[0]!.notice.id} …).`);
  if (flags.json) outJson({ signed: false, kind: 'license', code: 'DENIAL_BLOCKS_LICENSE', denials: blocking.map((m) => ({ noticeId: m.notice.id, deniedBy: m.notice.deniedBy, state: m.state, explanation: m.explanation })) });
  return true;
}

/** Lists carry a sequence number: never replace a newer signed list with an older one. */
async function refuseRollback(outPath: string, document: unknown): Promise<void> {
  const doc = document as { documentType?: string; id?: string; sequence?: number };
  if (typeof doc.sequence !== 'number') return;
  let existing: string;
  try {
    existing = await readFile(outPath, 'utf8');
  } catch {
    return; // nothing there yet
  }
  try {
    const old = parseJson(decodeText(parseJws(existing).payload)) as { documentType?: string; id?: string; sequence?: number };
    if (old.documentType === doc.documentType && old.id === doc.id && typeof old.sequence === 'number' && old.sequence >= doc.sequence) {
      throw new XlicError('SEQUENCE_ROLLBACK', `${outPath} already holds ${doc.id} #${old.sequence}; refusing to replace it with #${doc.sequence} (bump "sequence", or --force)`);
    }
  } catch (e) {
    if (isXlicError(e) && e.code === 'SEQUENCE_ROLLBACK') throw e;
    // an unreadable existing file is simply replaced
  }
}
