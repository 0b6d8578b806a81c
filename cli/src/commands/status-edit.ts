import { XlicError, type StatusList } from '@xlic/core';
import { parseDays, parseTime } from '../io/time.js';
import { styleFor } from '../output/style.js';
import { out, outJson } from '../output/write.js';
import { agencyFrom, bumpVersion, checkDocumentId, NOT_VERIFIED, readListForEdit, readListForShow, refuseOverwrite, rfc3339, writeList, type AgencyOptions, type ShowOptions } from './trust-edit.js';

type StatusEntry = StatusList['entries'][number];

/** Statuses and reason categories of schemas/status-list.schema.json. */
export const STATUSES: readonly StatusEntry['status'][] = ['revoked', 'suspended', 'amended'];
export const REASONS: readonly StatusEntry['reason'][] = ['compliance', 'end-use-concern', 'sanctions', 'error', 'holder-request', 'amendment', 'other'];

export interface StatusCreateOptions extends AgencyOptions {
  id: string;
  nextUpdateDays?: string;
  out: string;
  force?: boolean;
  json?: boolean;
}

/** `xlic status create`: a new, empty status list (sequence 1) for the given agency's licenses. */
export async function statusCreateCommand(options: StatusCreateOptions): Promise<number> {
  checkDocumentId(options.id, '--id');
  const issuer = agencyFrom(options);
  const days = parseDays(options.nextUpdateDays, '--next-update-days', 7);
  await refuseOverwrite(options.out, options.force);
  const list: StatusList = { documentType: 'status-list', schemaVersion: '1.0', id: options.id, issuer, sequence: 0, issuedAt: '', nextUpdate: '', entries: [] };
  bumpVersion(list, days, new Date());
  await writeList(options.out, list);
  if (options.json) outJson({ file: options.out, action: 'created', id: list.id, sequence: list.sequence, issuedAt: list.issuedAt, nextUpdate: list.nextUpdate, entries: 0 });
  else out(`created ${options.out}: status list ${list.id} #${list.sequence} for ${issuer.agencyId} (${issuer.country}), no entries, next update ${list.nextUpdate}`);
  return 0;
}

export interface StatusAddOptions {
  license: string;
  status: string;
  reason: string;
  text?: string;
  effective?: string;
  successor?: string;
  successorSha256?: string;
  nextUpdateDays?: string;
  json?: boolean;
}

/**
 * `xlic status add`: record that a license is revoked, suspended or amended. A license already listed
 * gets its status replaced (a suspension may become a revocation); a revocation is final.
 */
export async function statusAddCommand(file: string, options: StatusAddOptions): Promise<number> {
  checkDocumentId(options.license, '--license');
  if (!(STATUSES as readonly string[]).includes(options.status)) throw new XlicError('USAGE', `--status must be one of ${STATUSES.join(', ')}; got ${JSON.stringify(options.status)}`);
  if (!(REASONS as readonly string[]).includes(options.reason)) throw new XlicError('USAGE', `--reason must be one of ${REASONS.join(', ')}; got ${JSON.stringify(options.reason)}`);
  if (options.text !== undefined && (options.text.trim() === '' || options.text.length > 1000)) throw new XlicError('USAGE', '--text must be 1 to 1000 characters');
  const status = options.status as StatusEntry['status'];
  const hasSuccessor = options.successor !== undefined || options.successorSha256 !== undefined;
  if (status === 'amended' && (options.successor === undefined || options.successorSha256 === undefined)) {
    throw new XlicError('USAGE', '--status amended needs --successor <license id> and --successor-sha256 <sha256 of its signed payload>');
  }
  if (status !== 'amended' && hasSuccessor) throw new XlicError('USAGE', '--successor and --successor-sha256 apply only to --status amended');
  if (options.successor !== undefined) checkDocumentId(options.successor, '--successor');
  const successorSha = options.successorSha256?.toLowerCase();
  if (successorSha !== undefined && !/^[0-9a-f]{64}$/.test(successorSha)) throw new XlicError('USAGE', `--successor-sha256 must be 64 hexadecimal characters; got ${JSON.stringify(options.successorSha256)}`);
  if (options.successor !== undefined && options.successor === options.license) throw new XlicError('USAGE', '--successor must name another license than --license');
  const effectiveAt = rfc3339(parseTime(options.effective, '--effective'));
  const days = parseDays(options.nextUpdateDays, '--next-update-days', 7);

  const list = await readListForEdit(file, 'status-list');
  const entry: StatusEntry = {
    licenseId: options.license,
    status,
    reason: options.reason as StatusEntry['reason'],
    ...(options.text !== undefined ? { reasonText: options.text } : {}),
    effectiveAt,
    ...(options.successor !== undefined && successorSha !== undefined ? { successor: { id: options.successor, sha256: successorSha } } : {}),
  };
  const i = list.entries.findIndex((e) => e.licenseId === options.license);
  const previous = i >= 0 ? list.entries[i] : undefined;
  if (previous?.status === 'revoked') throw new XlicError('STATUS_TRANSITION_REFUSED', `${options.license} is already revoked (since ${previous.effectiveAt}); a revocation is final`);
  if (previous?.status === 'amended' && status !== 'revoked') throw new XlicError('STATUS_TRANSITION_REFUSED', `${options.license} is already amended (replaced by ${previous.successor?.id ?? 'its successor'}); it can only be revoked now`);
  if (i >= 0) list.entries[i] = entry;
  else list.entries.push(entry);
  bumpVersion(list, days, new Date());
  await writeList(file, list);

  if (options.json) {
    outJson({ file, action: previous ? 'entry-replaced' : 'entry-added', sequence: list.sequence, nextUpdate: list.nextUpdate, entry, ...(previous ? { previous } : {}) });
    return 0;
  }
  out(`${file}: ${entry.licenseId} ${entry.status} (${entry.reason}) effective ${entry.effectiveAt}${entry.successor ? `, replaced by ${entry.successor.id}` : ''}`);
  if (previous) out(`  replaces the earlier status ${previous.status} (effective ${previous.effectiveAt})`);
  out(`  now sequence ${list.sequence}, next update ${list.nextUpdate}; sign it before publishing`);
  return 0;
}

export interface StatusRemoveOptions {
  license: string;
  nextUpdateDays?: string;
  json?: boolean;
}

/** `xlic status remove`: lift a suspension (only suspended entries can be removed: revocations and amendments are final). */
export async function statusRemoveCommand(file: string, options: StatusRemoveOptions): Promise<number> {
  checkDocumentId(options.license, '--license');
  const days = parseDays(options.nextUpdateDays, '--next-update-days', 7);
  const list = await readListForEdit(file, 'status-list');
  const i = list.entries.findIndex((e) => e.licenseId === options.license);
  if (i < 0) throw new XlicError('LIST_ENTRY_NOT_FOUND', `${file} has no status for ${options.license}`);
  const previous = list.entries[i]!;
  if (previous.status !== 'suspended') throw new XlicError('STATUS_TRANSITION_REFUSED', `${options.license} is ${previous.status}; only a suspension can be lifted`);
  list.entries.splice(i, 1);
  bumpVersion(list, days, new Date());
  await writeList(file, list);
  if (options.json) outJson({ file, action: 'entry-removed', sequence: list.sequence, nextUpdate: list.nextUpdate, previous });
  else {
    out(`${file}: lifted the suspension of ${options.license} (suspended since ${previous.effectiveAt})`);
    out(`  now sequence ${list.sequence}, next update ${list.nextUpdate}; sign it before publishing`);
  }
  return 0;
}

/** `xlic status show`: the entries of a status list (a JWS is decoded, not verified). */
export async function statusShowCommand(file: string, options: ShowOptions): Promise<number> {
  const { document: list, fromJws } = await readListForShow(file, 'status-list');
  if (options.json) {
    outJson({ file, signed: fromJws, verified: false, ...(fromJws ? { warning: NOT_VERIFIED.replace('xlic trust verify', 'xlic verify') } : {}), id: list.id, issuer: list.issuer, sequence: list.sequence, issuedAt: list.issuedAt, nextUpdate: list.nextUpdate, entries: list.entries });
    return 0;
  }
  const s = styleFor(process.stdout);
  if (fromJws) out(s.warn(`NOT VERIFIED — ${file} is a JWS decoded without checking its signature; use xlic verify to check it`));
  out(s.bold(`status list ${list.id} #${list.sequence}`) + ` · for ${list.issuer.agencyId} (${list.issuer.country}) ${list.issuer.name}`);
  out(`issued ${list.issuedAt} · next update ${list.nextUpdate}${Date.parse(list.nextUpdate) < Date.now() ? s.warn(' (overdue)') : ''} · ${list.entries.length} entr${list.entries.length === 1 ? 'y' : 'ies'}`);
  if (list.entries.length === 0) return 0;
  const width = Math.max(7, ...list.entries.map((e) => e.licenseId.length));
  out('');
  out(s.dim(`${'LICENSE'.padEnd(width)}  ${'STATUS'.padEnd(9)}  ${'REASON'.padEnd(15)}  EFFECTIVE             DETAILS`));
  for (const e of list.entries) {
    const details = [e.successor ? `replaced by ${e.successor.id} (sha256 ${e.successor.sha256.slice(0, 16)}…)` : '', e.reasonText ?? ''].filter((d) => d !== '').join(' · ');
    out(`${e.licenseId.padEnd(width)}  ${e.status.padEnd(9)}  ${e.reason.padEnd(15)}  ${e.effectiveAt.padEnd(20)}  ${details}`);
  }
  return 0;
}
