import { stat } from 'node:fs/promises';
import {
  base64Decode,
  base64Encode,
  decodeText,
  isXlicError,
  parseJson,
  parseJws,
  validateDocument,
  XlicError,
  type Agency,
  type DocumentTypes,
  type TrustList,
} from '@xlic/core';
import { parseCertificate, thumbprint, TRUST_ROLES } from '@xlic/trust';
import { writeFileAtomic } from '../io/atomic-write.js';
import { readCertificates } from '../io/pem-file.js';
import { readInput } from '../io/read-input.js';
import { parseDays, parseTime } from '../io/time.js';
import { styleFor } from '../output/style.js';
import { out, outJson } from '../output/write.js';

// ---------------------------------------------------------------------------------------------
// Unsigned list files, shared by `xlic trust …` and `xlic status …` (status-edit.ts imports these).
// ---------------------------------------------------------------------------------------------

type ListKind = 'trust-list' | 'status-list';
const KIND_NAME: Record<ListKind, string> = { 'trust-list': 'trust list', 'status-list': 'status list' };

/** Agency flags shared by the create and add commands. */
export interface AgencyOptions {
  country?: string;
  agencyId?: string;
  name?: string;
}

/** An RFC 3339 time in UTC with second precision, as written into lists. */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Check the agency flags; `what` names the flags' role in messages. All three are required. */
export function agencyFrom(options: AgencyOptions): Agency {
  const { country, agencyId, name } = options;
  if (country === undefined || agencyId === undefined || name === undefined) throw new XlicError('USAGE', '--country, --agency-id and --name are required');
  checkCountry(country);
  checkAgencyId(agencyId);
  if (name.trim() === '' || name.length > 200) throw new XlicError('USAGE', '--name must be 1 to 200 characters');
  return { country: country as Agency['country'], agencyId, name };
}

/** Refuse a --country value that is not an ISO 3166-1 alpha-2 code in capitals. */
export function checkCountry(country: string, flag = '--country'): void {
  if (!/^[A-Z]{2}$/.test(country)) throw new XlicError('USAGE', `${flag} must be an ISO 3166-1 alpha-2 code in capitals, such as DE; got ${JSON.stringify(country)}`);
}

/** Refuse an --agency-id value the schemas would reject. */
export function checkAgencyId(agencyId: string): void {
  if (!/^[A-Z0-9][A-Z0-9-]{1,31}$/.test(agencyId)) throw new XlicError('USAGE', `--agency-id must be 2 to 32 capital letters, digits or "-", such as BAFA; got ${JSON.stringify(agencyId)}`);
}

/** Refuse a document identifier the schemas would reject. */
export function checkDocumentId(id: string, flag: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,79}$/.test(id)) throw new XlicError('USAGE', `${flag} must be 1 to 80 letters, digits or . _ : / - starting with a letter or digit; got ${JSON.stringify(id)}`);
}

/** Refuse to replace an existing file unless --force was given. */
export async function refuseOverwrite(path: string, force: boolean | undefined): Promise<void> {
  if (force) return;
  const exists = await stat(path).then(
    () => true,
    () => false,
  );
  if (exists) throw new XlicError('OUTPUT_EXISTS', `${path} already exists; use --force to replace it`);
}

/**
 * Read an unsigned list for editing. Refuses a signed list (edit the JSON and sign again),
 * a document of another kind, and a list that is not valid (with the first finding's code).
 */
export async function readListForEdit<K extends ListKind>(file: string, kind: K): Promise<DocumentTypes[K]> {
  const { bytes } = await readInput(file);
  const text = decodeText(bytes);
  if (!text.trimStart().startsWith('{') || /^\s*\{\s*"(payload|protected|signatures)"/.test(text)) {
    throw new XlicError('USAGE', `${file} looks like a signed list; edit the unsigned JSON ${KIND_NAME[kind]} and sign it again`);
  }
  return checkedList(parseJson(text), kind, file);
}

function checkedList<K extends ListKind>(doc: unknown, kind: K, file: string): DocumentTypes[K] {
  const result = validateDocument(doc);
  if (result.kind !== kind) throw new XlicError('USAGE', `${file} is a ${result.kind.replace(/-/g, ' ')}, not a ${KIND_NAME[kind]}`);
  if (!result.valid) {
    const first = result.findings.find((f) => f.severity === 'error')!;
    throw new XlicError(first.code, `${file} is not a valid ${KIND_NAME[kind]}: ${first.message} (xlic validate ${file} lists every problem)`, { path: first.path, findings: result.findings });
  }
  return doc as DocumentTypes[K];
}

/**
 * Validate an edited list and write it atomically. Nothing is written when the result would be
 * invalid (LIST_EDIT_INVALID, with the findings attached).
 */
export async function writeList(file: string, doc: DocumentTypes[ListKind]): Promise<void> {
  const result = validateDocument(doc);
  const errors = result.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    const first = errors[0]!;
    throw new XlicError('LIST_EDIT_INVALID', `not written: the result would not be a valid ${KIND_NAME[result.kind as ListKind] ?? 'list'}: ${first.message} [${first.code}]`, { path: first.path, findings: errors });
  }
  await writeFileAtomic(file, JSON.stringify(doc, null, 2) + '\n');
}

/** Start a new version of a list: sequence + 1, issuedAt now, nextUpdate `days` later. */
export function bumpVersion(doc: { sequence: number; issuedAt: string; nextUpdate: string }, days: number, now: Date): void {
  doc.sequence += 1;
  doc.issuedAt = rfc3339(now);
  doc.nextUpdate = rfc3339(new Date(now.getTime() + days * 86_400_000));
}

/** A list read for display: the document, and whether it came out of a JWS (whose signature was NOT checked). */
export interface ListForShow<K extends ListKind> {
  document: DocumentTypes[K];
  fromJws: boolean;
}

/** Read a list for `show`: unsigned JSON, or the payload of a JWS decoded without verification. */
export async function readListForShow<K extends ListKind>(file: string, kind: K): Promise<ListForShow<K>> {
  const { bytes } = await readInput(file);
  const text = decodeText(bytes);
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    const doc = parseJson(text);
    if (doc !== null && typeof doc === 'object' && !Array.isArray(doc) && 'payload' in doc) return { document: fromJws(text, kind, file), fromJws: true };
    return { document: checkedList(doc, kind, file), fromJws: false };
  }
  return { document: fromJws(text, kind, file), fromJws: true };
}

function fromJws<K extends ListKind>(text: string, kind: K, file: string): DocumentTypes[K] {
  const jws = parseJws(text);
  let payload: unknown;
  try {
    payload = parseJson(decodeText(jws.payload));
  } catch (e) {
    if (isXlicError(e)) throw new XlicError('JWS_PAYLOAD_INVALID', `${file}: the JWS payload is not a JSON document: ${e.message}`, { cause: e });
    throw e;
  }
  return checkedList(payload, kind, file);
}

/** The warning printed (and set in --json) whenever a list was decoded from a JWS without verifying it. */
export const NOT_VERIFIED = 'not verified: decoded from a JWS without checking its signature; use xlic trust verify to check it';

// ---------------------------------------------------------------------------------------------
// xlic trust create | add | remove | show
// ---------------------------------------------------------------------------------------------

type TrustEntry = TrustList['entries'][number];
type Role = TrustEntry['roles'][number];


export interface TrustCreateOptions extends AgencyOptions {
  id: string;
  nextUpdateDays?: string;
  out: string;
  force?: boolean;
  json?: boolean;
}

/** `xlic trust create`: a new, empty trust list (sequence 1) published by the given agency. */
export async function trustCreateCommand(options: TrustCreateOptions): Promise<number> {
  checkDocumentId(options.id, '--id');
  const publisher = agencyFrom(options);
  const days = parseDays(options.nextUpdateDays, '--next-update-days', 30);
  await refuseOverwrite(options.out, options.force);
  const list: TrustList = { documentType: 'trust-list', schemaVersion: '1.0', id: options.id, publisher, sequence: 0, issuedAt: '', nextUpdate: '', entries: [] };
  bumpVersion(list, days, new Date());
  await writeList(options.out, list);
  if (options.json) outJson({ file: options.out, action: 'created', id: list.id, sequence: list.sequence, issuedAt: list.issuedAt, nextUpdate: list.nextUpdate, entries: 0 });
  else out(`created ${options.out}: trust list ${list.id} #${list.sequence} by ${publisher.agencyId} (${publisher.country}), no entries, next update ${list.nextUpdate}`);
  return 0;
}

export interface TrustAddOptions extends AgencyOptions {
  root: string;
  roles?: string;
  validFrom?: string;
  validUntil?: string;
  nextUpdateDays?: string;
  json?: boolean;
}

/** Parse a comma-separated --roles value. */
export function parseRoles(value: string): Role[] {
  const roles = value
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r !== '');
  if (roles.length === 0) throw new XlicError('USAGE', '--roles needs at least one role');
  for (const r of roles) if (!(TRUST_ROLES as readonly string[]).includes(r)) throw new XlicError('USAGE', `--roles: unknown role ${JSON.stringify(r)}; roles are ${TRUST_ROLES.join(', ')}`);
  return [...new Set(roles)] as Role[];
}

interface RootFacts {
  x5c: string;
  sha256: string;
  subject: string;
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
}

async function rootFacts(der: Uint8Array, agency: Pick<Agency, 'country'>, file: string): Promise<RootFacts> {
  const cert = parseCertificate(der);
  if (!cert.isCa) throw new XlicError('TRUST_ROOT_UNSUITABLE', `${file}: ${cert.subject.text} is not a CA certificate (basicConstraints cA is not set); a trust list names root CAs`);
  if (!cert.selfIssued) throw new XlicError('TRUST_ROOT_UNSUITABLE', `${file}: ${cert.subject.text} is issued by ${cert.issuer.text}, not self-issued; a trust list names root CAs`);
  if (cert.subject.country !== agency.country) throw new XlicError('TRUST_ROOT_UNSUITABLE', `${file}: the root's country C=${cert.subject.country ?? '(none)'} is not --country ${agency.country}`);
  return { x5c: base64Encode(der), sha256: await thumbprint(der), subject: cert.subject.text, serialNumber: cert.serialNumber, notBefore: cert.notBefore, notAfter: cert.notAfter };
}

/**
 * `xlic trust add`: add root certificates for an agency. A new agency gets a new entry (roles required);
 * an agency already listed gets the certificates appended, and its roles and window updated when given.
 */
export async function trustAddCommand(file: string, options: TrustAddOptions): Promise<number> {
  const agency = agencyFrom(options);
  const roles = options.roles === undefined ? undefined : parseRoles(options.roles);
  const validFrom = options.validFrom === undefined ? undefined : parseTime(options.validFrom, '--valid-from');
  const validUntil = options.validUntil === undefined ? undefined : parseTime(options.validUntil, '--valid-until');
  const days = parseDays(options.nextUpdateDays, '--next-update-days', 30);
  const list = await readListForEdit(file, 'trust-list');
  const roots = await Promise.all((await readCertificates(options.root)).map((der) => rootFacts(der, agency, options.root)));

  for (const root of roots) {
    const holder = list.entries.find((e) => e.certificates.some((c) => c.sha256 === root.sha256));
    if (holder) throw new XlicError('LIST_ENTRY_EXISTS', `${root.subject} (sha256 ${root.sha256}) is already listed for ${holder.agency.agencyId} (${holder.agency.country})`);
  }
  const earliest = new Date(Math.min(...roots.map((r) => r.notBefore.getTime())));
  const latest = new Date(Math.max(...roots.map((r) => r.notAfter.getTime())));
  let entry = list.entries.find((e) => e.agency.country === agency.country && e.agency.agencyId === agency.agencyId);
  const created = entry === undefined;
  if (!entry) {
    if (!roles) throw new XlicError('USAGE', `${agency.agencyId} (${agency.country}) is not in ${file} yet: --roles is required`);
    entry = { agency, roles: roles as TrustEntry['roles'], certificates: [] as unknown as TrustEntry['certificates'], validFrom: rfc3339(validFrom ?? earliest), validUntil: rfc3339(validUntil ?? latest) };
    list.entries.push(entry);
  } else {
    entry.agency.name = agency.name;
    if (roles) entry.roles = roles as TrustEntry['roles'];
    // Without explicit dates the window widens to cover the new roots.
    entry.validFrom = rfc3339(validFrom ?? new Date(Math.min(Date.parse(entry.validFrom), earliest.getTime())));
    entry.validUntil = rfc3339(validUntil ?? new Date(Math.max(Date.parse(entry.validUntil), latest.getTime())));
  }
  for (const r of roots) entry.certificates.push({ x5c: r.x5c, sha256: r.sha256 });
  bumpVersion(list, days, new Date());
  await writeList(file, list);

  if (options.json) {
    outJson({
      file,
      action: created ? 'entry-added' : 'certificates-added',
      sequence: list.sequence,
      nextUpdate: list.nextUpdate,
      agency: entry.agency,
      roles: entry.roles,
      validFrom: entry.validFrom,
      validUntil: entry.validUntil,
      added: roots.map((r) => ({ subject: r.subject, serialNumber: r.serialNumber, sha256: r.sha256, notBefore: rfc3339(r.notBefore), notAfter: rfc3339(r.notAfter) })),
    });
    return 0;
  }
  out(`${file}: ${created ? 'added' : 'updated'} ${agency.agencyId} (${agency.country}) · roles ${entry.roles.join(', ')} · trusted ${entry.validFrom} to ${entry.validUntil}`);
  for (const r of roots) out(`  + ${r.subject}  sha256 ${r.sha256}`);
  out(`  now sequence ${list.sequence}, next update ${list.nextUpdate}; sign it before publishing`);
  return 0;
}

export interface TrustRemoveOptions {
  country?: string;
  agencyId?: string;
  thumbprint?: string;
  nextUpdateDays?: string;
  json?: boolean;
}

/** `xlic trust remove`: remove an agency's entry, or one root certificate by its SHA-256 thumbprint. */
export async function trustRemoveCommand(file: string, options: TrustRemoveOptions): Promise<number> {
  const byAgency = options.country !== undefined || options.agencyId !== undefined;
  if (byAgency === (options.thumbprint !== undefined)) throw new XlicError('USAGE', 'give either --country and --agency-id (remove an agency) or --thumbprint (remove one root certificate)');
  const days = parseDays(options.nextUpdateDays, '--next-update-days', 30);
  const list = await readListForEdit(file, 'trust-list');
  const removed: { agency: Agency; sha256: string[]; entryRemoved: boolean } = { agency: undefined as unknown as Agency, sha256: [], entryRemoved: false };

  if (byAgency) {
    if (options.country === undefined || options.agencyId === undefined) throw new XlicError('USAGE', 'removing an agency needs both --country and --agency-id');
    checkCountry(options.country);
    checkAgencyId(options.agencyId);
    const i = list.entries.findIndex((e) => e.agency.country === options.country && e.agency.agencyId === options.agencyId);
    if (i < 0) throw new XlicError('LIST_ENTRY_NOT_FOUND', `${file} has no entry for ${options.agencyId} (${options.country})`);
    const [entry] = list.entries.splice(i, 1);
    Object.assign(removed, { agency: entry!.agency, sha256: entry!.certificates.map((c) => c.sha256), entryRemoved: true });
  } else {
    const sha = options.thumbprint!.toLowerCase().replace(/:/g, '');
    if (!/^[0-9a-f]{64}$/.test(sha)) throw new XlicError('USAGE', `--thumbprint must be a SHA-256 thumbprint (64 hexadecimal characters); got ${JSON.stringify(options.thumbprint)}`);
    const i = list.entries.findIndex((e) => e.certificates.some((c) => c.sha256 === sha));
    if (i < 0) throw new XlicError('LIST_ENTRY_NOT_FOUND', `${file} has no root certificate with sha256 ${sha}`);
    const entry = list.entries[i]!;
    const remaining = entry.certificates.filter((c) => c.sha256 !== sha);
    // An entry needs at least one root: removing its last one removes the agency.
    if (remaining.length === 0) list.entries.splice(i, 1);
    else entry.certificates = remaining as TrustEntry['certificates'];
    Object.assign(removed, { agency: entry.agency, sha256: [sha], entryRemoved: remaining.length === 0 });
  }
  bumpVersion(list, days, new Date());
  await writeList(file, list);

  if (options.json) outJson({ file, action: removed.entryRemoved ? 'entry-removed' : 'certificate-removed', sequence: list.sequence, nextUpdate: list.nextUpdate, agency: removed.agency, removed: removed.sha256 });
  else {
    out(`${file}: removed ${removed.entryRemoved ? `${removed.agency.agencyId} (${removed.agency.country}) and its ${removed.sha256.length} root${removed.sha256.length === 1 ? '' : 's'}` : `one root of ${removed.agency.agencyId} (${removed.agency.country})`}`);
    for (const s of removed.sha256) out(`  - sha256 ${s}`);
    out(`  now sequence ${list.sequence}, next update ${list.nextUpdate}; sign it before publishing`);
  }
  return 0;
}

export interface ShowOptions {
  json?: boolean;
}

interface ShownRoot {
  sha256: string;
  thumbprintMatches: boolean;
  subject?: string;
  serialNumber?: string;
  notBefore?: string;
  notAfter?: string;
  problem?: string;
}

async function showRoot(c: { x5c: string; sha256: string }): Promise<ShownRoot> {
  try {
    const der = base64Decode(c.x5c, 'CERT_PARSE', 'x5c');
    const actual = await thumbprint(der);
    const cert = parseCertificate(der);
    return { sha256: c.sha256, thumbprintMatches: actual === c.sha256, subject: cert.subject.text, serialNumber: cert.serialNumber, notBefore: rfc3339(cert.notBefore), notAfter: rfc3339(cert.notAfter) };
  } catch (e) {
    if (!isXlicError(e)) throw e;
    return { sha256: c.sha256, thumbprintMatches: false, problem: `${e.message} [${e.code}]` };
  }
}

/** `xlic trust show`: agencies, roles, roots and validity of a trust list (a JWS is decoded, not verified). */
export async function trustShowCommand(file: string, options: ShowOptions): Promise<number> {
  const { document: list, fromJws } = await readListForShow(file, 'trust-list');
  const entries = await Promise.all(
    list.entries.map(async (e) => ({ agency: e.agency, roles: e.roles, validFrom: e.validFrom, validUntil: e.validUntil, roots: await Promise.all(e.certificates.map(showRoot)) })),
  );
  if (options.json) {
    outJson({ file, signed: fromJws, verified: false, ...(fromJws ? { warning: NOT_VERIFIED } : {}), id: list.id, publisher: list.publisher, sequence: list.sequence, issuedAt: list.issuedAt, nextUpdate: list.nextUpdate, entries });
    return 0;
  }
  const s = styleFor(process.stdout);
  if (fromJws) out(s.warn(`NOT VERIFIED — ${file} is a JWS decoded without checking its signature; use xlic trust verify to check it`));
  out(s.bold(`trust list ${list.id} #${list.sequence}`) + ` · published by ${list.publisher.agencyId} (${list.publisher.country}) ${list.publisher.name}`);
  out(`issued ${list.issuedAt} · next update ${list.nextUpdate}${Date.parse(list.nextUpdate) < Date.now() ? s.warn(' (overdue)') : ''} · ${entries.length} agenc${entries.length === 1 ? 'y' : 'ies'}`);
  for (const e of entries) {
    out('');
    out(s.bold(`${e.agency.country} ${e.agency.agencyId}`) + `  ${e.agency.name}`);
    out(`  roles    ${e.roles.join(', ')}`);
    out(`  trusted  ${e.validFrom} to ${e.validUntil}`);
    for (const r of e.roots) {
      if (r.problem) out(`  root     ${s.bad(`✗ unreadable: ${r.problem}`)}`);
      else out(`  root     ${r.subject}  serial ${r.serialNumber}  valid ${r.notBefore!.slice(0, 10)} to ${r.notAfter!.slice(0, 10)}`);
      out(`           sha256 ${r.sha256}${r.problem || r.thumbprintMatches ? '' : s.bad('  ✗ does not match the certificate')}`);
    }
  }
  return 0;
}
