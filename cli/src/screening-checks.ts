import { XlicError, decodeText, detectKind, parseJson, parseJws, type EndUseDeclaration, type License, type Party } from '@xlic/core';
import {
  buildScreeningIndex,
  inspectPartyNames,
  matchDenials,
  screenParty,
  type Consultation,
  type DenialMatch,
  type DenialNotice,
  type ScreeningHit,
  type ScreeningIndex,
  type ScreeningList,
  type ScreeningListSource,
} from '@xlic/screen';
import { verifyDocument, type Check, type NamedText, type TrustContext } from '@xlic/verify';
import { readInput } from './io/read-input.js';

/** Verified screening lists (indexed) and denial notices, ready for `screeningChecks`. */
export interface ScreeningInputs {
  index: ScreeningIndex;
  notices: DenialNotice[];
  /** Where each notice came from, and the SHA-256 of its signed payload. */
  noticeSources: Array<{ notice: DenialNotice; source: string; payloadSha256: string }>;
  /** Notes about the inputs (stale lists, older versions ignored): warnings, shown with every verdict. */
  checks: Check[];
}

async function named(input: string | NamedText): Promise<NamedText> {
  if (typeof input !== 'string') return input;
  const { name, bytes } = await readInput(input);
  return { name, text: decodeText(bytes) };
}

/** True when `text` is a plain JSON document of `kind` (an unsigned list or notice). */
function isPlain(text: string, kind: 'screening-list' | 'denial-notice'): boolean {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return false;
  try {
    return detectKind(parseJson(trimmed)) === kind;
  } catch {
    return false;
  }
}

/**
 * Read and verify signed screening lists and denial notices, fail-closed: an unsigned one is refused
 * (SCREENING_LIST_UNSIGNED, DENIAL_NOTICE_UNSIGNED), one that does not verify under `trust` (signature,
 * path to a root trusted as screening-list-publisher / denial-publisher, publisher = signer's agency) is
 * refused with the underlying code (SCREENING_LIST_REJECTED, DENIAL_NOTICE_REJECTED), and so is a renewal
 * or withdrawal naming a notice given here with another digest. Lists are indexed for screening at `at`;
 * of two versions of one list the newer is used and the older reported (SCREENING_LIST_SUPERSEDED).
 *
 * @example
 * const trust = await loadTrustFromFlags({ trust: ['jp-trust.jws'] }, at);
 * const inputs = await loadScreeningInputs(['bafa-screening.jws'], ['sbdu-denial.jws'], trust, at);
 * const checks = await screeningChecks(license, inputs.index, inputs.notices, at);
 */
export async function loadScreeningInputs(listFiles: ReadonlyArray<string | NamedText>, noticeFiles: ReadonlyArray<string | NamedText>, trust: TrustContext, at: Date): Promise<ScreeningInputs> {
  const sources: ScreeningListSource[] = [];
  const seenLists = new Set<string>();
  for (const f of listFiles) {
    const t = await named(f);
    if (isPlain(t.text, 'screening-list')) throw new XlicError('SCREENING_LIST_UNSIGNED', `${t.name}: a screening list must be signed by its publisher (xlic sign); an unsigned list is never applied`);
    const r = await verifyDocument(t.text.trim(), trust, { expect: 'screening-list' });
    if (r.verdict !== 'VALID' || !r.document) throw new XlicError('SCREENING_LIST_REJECTED', `${t.name}: ${r.reason ?? 'not a valid screening list'} [${r.code ?? 'SCREENING_LIST_INVALID'}]`);
    // The same list given twice (same signed payload) is one list, not a version conflict.
    if (seenLists.has(r.payloadSha256 ?? '')) continue;
    seenLists.add(r.payloadSha256 ?? '');
    sources.push({ list: r.document as ScreeningList, source: t.name });
  }
  const noticeSources: ScreeningInputs['noticeSources'] = [];
  for (const f of noticeFiles) {
    const t = await named(f);
    if (isPlain(t.text, 'denial-notice')) throw new XlicError('DENIAL_NOTICE_UNSIGNED', `${t.name}: a denial notice must be signed by the denying agency (xlic sign); an unsigned notice is never applied`);
    const r = await verifyDocument(t.text.trim(), trust, { expect: 'denial-notice' });
    if (r.verdict !== 'VALID' || !r.document || !r.payloadSha256) throw new XlicError('DENIAL_NOTICE_REJECTED', `${t.name}: ${r.reason ?? 'not a valid denial notice'} [${r.code ?? 'DENIAL_NOTICE_INVALID'}]`);
    noticeSources.push({ notice: r.document as DenialNotice, source: t.name, payloadSha256: r.payloadSha256 });
  }
  // A renewal or withdrawal speaks only for the exact notice it names (docs/drafts/screening.md §2).
  for (const n of noticeSources) {
    const s = n.notice.supersedes;
    if (!s) continue;
    for (const m of noticeSources) {
      const same = m.notice.id === s.id && m.notice.deniedBy.country === n.notice.deniedBy.country && m.notice.deniedBy.agencyId === n.notice.deniedBy.agencyId;
      if (same && m.payloadSha256 !== s.sha256) {
        throw new XlicError('DENIAL_NOTICE_REJECTED', `${n.source}: notice ${n.notice.id} supersedes ${s.id} with digest ${s.sha256}, but ${m.source} has digest ${m.payloadSha256}`);
      }
    }
  }
  const index = buildScreeningIndex(sources, at);
  const checks: Check[] = index.findings.map((f) => ({ name: 'screening', status: 'warn', code: f.code, message: f.message }));
  return { index, notices: noticeSources.map((n) => n.notice), noticeSources, checks };
}

/** A party to screen, where it sits and in which document. */
export interface ScreeningSubject {
  /** exporter, consignee, end-user, intermediate-consignee; declarant / declared-exporter for declarations; party. */
  role: string;
  /** JSON Pointer, prefixed by the declaration's position in a dossier (e.g. /declarations/0/declarant). */
  path: string;
  party: Party;
}

/** The payload of a signed document (compact or JSON JWS), parsed, without verifying anything. */
export function decodeSignedPayload(text: string): unknown {
  return parseJson(decodeText(parseJws(text.trim()).payload));
}

/** Parties of a license. */
export function licenseSubjects(license: License, prefix = ''): ScreeningSubject[] {
  return [
    { role: 'exporter', path: `${prefix}/exporter`, party: license.exporter },
    { role: 'consignee', path: `${prefix}/consignee`, party: license.consignee },
    ...license.endUsers.map((party, i) => ({ role: 'end-user', path: `${prefix}/endUsers/${i}`, party })),
    ...(license.intermediateConsignees ?? []).map((party, i) => ({ role: 'intermediate-consignee', path: `${prefix}/intermediateConsignees/${i}`, party })),
  ];
}

function declarationSubjects(d: EndUseDeclaration, prefix = ''): ScreeningSubject[] {
  const out: ScreeningSubject[] = [{ role: 'declarant', path: `${prefix}/declarant`, party: d.declarant }];
  if (d.exporter) out.push({ role: 'declared-exporter', path: `${prefix}/exporter`, party: d.exporter });
  return out;
}

/** What a document holds for screening: its license (if any) and every party. */
export interface ScreeningDocument {
  kind: 'party' | 'license' | 'end-use-declaration' | 'dossier';
  id?: string;
  license?: License;
  subjects: ScreeningSubject[];
}

/**
 * The parties of a party, license, end-use declaration or dossier (license and declarations carried as
 * signed text: their payloads are read, not verified — `xlic verify` verifies). Throws
 * UNKNOWN_DOCUMENT_KIND for anything else.
 */
export function screeningDocument(document: unknown): ScreeningDocument {
  const kind = detectKind(document);
  switch (kind) {
    case 'party':
      return { kind, subjects: [{ role: 'party', path: '', party: document as Party }] };
    case 'license': {
      const license = document as License;
      return { kind, id: license.id, license, subjects: licenseSubjects(license) };
    }
    case 'end-use-declaration': {
      const d = document as EndUseDeclaration;
      return { kind, id: d.id, subjects: declarationSubjects(d) };
    }
    case 'dossier': {
      const dossier = document as { id?: string; license: string; declarations?: string[] };
      const license = decodeSignedPayload(dossier.license);
      if (detectKind(license) !== 'license') throw new XlicError('UNKNOWN_DOCUMENT_KIND', 'the dossier\'s "license" is not a signed license');
      const subjects = licenseSubjects(license as License, '/license');
      (dossier.declarations ?? []).forEach((text, i) => {
        const d = decodeSignedPayload(text);
        if (detectKind(d) !== 'end-use-declaration') throw new XlicError('UNKNOWN_DOCUMENT_KIND', `the dossier's declaration ${i + 1} is not a signed end-use declaration`);
        subjects.push(...declarationSubjects(d as EndUseDeclaration, `/declarations/${i}`));
      });
      return { kind, ...(dossier.id ? { id: dossier.id } : {}), license: license as License, subjects };
    }
    default:
      throw new XlicError('UNKNOWN_DOCUMENT_KIND', `cannot screen ${kind ? `a ${kind}` : 'this document'}: give a party, a license, an end-use declaration or a dossier`);
  }
}

/**
 * Consultations a license records: the proposed `consultations` field (docs/drafts/screening.md §6), read
 * leniently until the license schema has it, plus any given by the caller (e.g. `xlic sign --consultation`).
 */
export function consultationsOf(license: License, extra: readonly Consultation[] = []): Consultation[] {
  const recorded = (license as { consultations?: unknown }).consultations;
  const out: Consultation[] = [];
  if (Array.isArray(recorded)) {
    for (const c of recorded as Array<Record<string, unknown>>) {
      const notice = c['denialNotice'] as { id?: unknown } | undefined;
      const agency = c['agency'] as { country?: unknown; agencyId?: unknown } | undefined;
      if (typeof notice?.id !== 'string' || typeof agency?.country !== 'string' || typeof agency.agencyId !== 'string' || typeof c['consultedAt'] !== 'string') continue;
      out.push({ noticeId: notice.id, agency: { country: agency.country, agencyId: agency.agencyId }, consultedAt: c['consultedAt'], ...(typeof c['reference'] === 'string' ? { reference: c['reference'] } : {}) });
    }
  }
  return [...out, ...extra];
}

/** Check for one screening hit: fail on a fail-list, warn to escalate, informational for de-listed entries. */
function hitCheck(subject: ScreeningSubject, hit: ScreeningHit): Check {
  const where = `${subject.role} ${subject.path || '(party)'}`;
  if (hit.action === 'fail') return { name: 'screening', status: 'fail', code: 'SCREENING_HIT', message: `${where}: ${hit.explanation}` };
  if (hit.action === 'escalate') return { name: 'screening', status: 'warn', code: 'SCREENING_HIT_ESCALATE', message: `${where}: ${hit.explanation}; escalate to ${hit.escalateTo ?? 'the list publisher'}` };
  return { name: 'screening', status: 'warn', code: 'SCREENING_HIT_DELISTED', message: `${where}: ${hit.explanation}` };
}

/** Check for one denial match: blocking fails, consulted warns, the rest is for the record. */
export function denialCheck(m: DenialMatch): Check {
  if (m.state === 'blocking') return { name: 'denials', status: 'fail', code: 'DENIAL_BLOCKS_LICENSE', message: m.explanation };
  if (m.state === 'consulted') return { name: 'denials', status: 'warn', code: 'DENIAL_CONSULTED', message: m.explanation };
  return { name: 'denials', status: 'pass', message: m.explanation };
}

/**
 * Screening and denial checks for a verified license or dossier payload, shaped like @xlic/verify checks:
 * `screening` — fail SCREENING_HIT for a current entry of a fail-list, warn SCREENING_HIT_ESCALATE for an
 * escalate-list, warn SCREENING_HIT_DELISTED (information) for de-listed entries, warn
 * SCREENING_NAME_SUSPICIOUS, and the lists' own notes; `denials` — fail DENIAL_BLOCKS_LICENSE for an
 * unexpired, unwithdrawn denial of an essentially identical transaction without a recorded consultation,
 * warn DENIAL_CONSULTED when one is recorded. A pass check says what was screened when nothing is wrong.
 *
 * @example
 * const inputs = await loadScreeningInputs(lists, notices, trust, at);
 * const checks = [...inputs.checks, ...(await screeningChecks(result.document, inputs.index, inputs.notices, at))];
 */
export async function screeningChecks(document: unknown, lists: ScreeningIndex, notices: DenialNotice[], at: Date, consultations: readonly Consultation[] = []): Promise<Check[]> {
  const doc = screeningDocument(document);
  const checks: Check[] = [];
  if (lists.lists.length > 0) {
    let hits = 0;
    for (const s of doc.subjects) {
      for (const h of screenParty(lists, s.party)) {
        checks.push(hitCheck(s, h));
        if (h.action !== 'none') hits++;
      }
      for (const f of inspectPartyNames(s.party)) checks.push({ name: 'screening', status: 'warn', code: 'SCREENING_NAME_SUSPICIOUS', message: `${s.role} ${s.path}/${f.field}: ${f.message}` });
    }
    if (hits === 0) {
      const names = lists.lists.map((l) => `${l.id} #${l.sequence} (${l.publisher.agencyId} ${l.publisher.country})`).join(', ');
      checks.push({ name: 'screening', status: 'pass', message: `${doc.subjects.length} part${doc.subjects.length === 1 ? 'y' : 'ies'} clear against ${names} at ${at.toISOString()}` });
    }
  }
  if (notices.length > 0 && doc.license) {
    const matches = matchDenials(notices, doc.license, at, consultationsOf(doc.license, consultations));
    checks.push(...matches.map(denialCheck));
    if (!matches.some((m) => m.state === 'blocking' || m.state === 'consulted')) {
      checks.push({ name: 'denials', status: 'pass', message: `no active denial among ${notices.length} notice${notices.length === 1 ? '' : 's'} covers this transaction` });
    }
  }
  return checks;
}

/**
 * Before signing a license: verify allies' signed denial notices (fail-closed, as `loadScreeningInputs`) and
 * match them against the license at the signing time. `consultedNotices` are notice ids the denying agency was
 * consulted on (`xlic sign --consultation`), in addition to any the license records; an id that names none
 * of the notices is a usage error, so a typo cannot unblock a license. The caller refuses to sign when a
 * match is `blocking`.
 *
 * @example
 * const matches = await denialsBeforeSigning(license, ['sbdu-dn-0117.jws'], trust, new Date(), []);
 * const blocking = matches.filter((m) => m.state === 'blocking');
 */
export async function denialsBeforeSigning(license: License, noticeFiles: readonly string[], trust: TrustContext, at: Date, consultedNotices: readonly string[] = []): Promise<DenialMatch[]> {
  const { notices } = await loadScreeningInputs([], noticeFiles, trust, at);
  const extra: Consultation[] = consultedNotices.map((id) => {
    const n = notices.find((x) => x.id === id);
    if (!n) throw new XlicError('USAGE', `--consultation ${id}: no denial notice given with --denials has that id`);
    return { noticeId: n.id, agency: { country: n.deniedBy.country, agencyId: n.deniedBy.agencyId }, consultedAt: at.toISOString() };
  });
  return matchDenials(notices, license, at, consultationsOf(license, extra));
}
