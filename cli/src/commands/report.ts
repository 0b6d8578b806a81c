import { XlicError, decodeText, type Agency, type License, type StatusList } from '@xlic/core';
import type { DenialNotice } from '@xlic/screen';
import { verifyDocument, type VerificationResult } from '@xlic/verify';
import { EXIT } from '../exit-status.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { readInput } from '../io/read-input.js';
import { parseTime } from '../io/time.js';
import { loadTrustFromFlags } from '../io/trust-inputs.js';
import { out } from '../output/write.js';

export interface ReportFlags {
  trust?: string[];
  bundle?: string;
  pin?: string[];
  at?: string;
  from?: string;
  to?: string;
  agency?: string;
  format?: string;
  out?: string;
}

type Counts = Record<string, number>;

/** What one agency issued, revoked and denied in the period. Aggregates only: no party, no free text. */
export interface AgencyReport {
  agency: Agency;
  issued: { total: number; amendments: number; byLicenseType: Counts; byDestination: Counts; byRegime: Counts };
  statusChanges: { revoked: number; suspended: number; amended: number; byReason: Counts; revokedByLicenseType: Counts; revokedByDestination: Counts; revokedByRegime: Counts };
  denied: { total: number; renewals: number; withdrawals: number; byDestination: Counts; byReasonCategory: Counts; byRegime: Counts };
  exceptional: ExceptionalRecord[];
  exceptionalSummary: { total: number; deadlinesMet: number; deadlinesMissed: number; reviewsKept: number; reviewsMissed: number; reviewsPending: number };
}

/** A humanitarian exemption or emergency authorisation: decision time against deadline, review kept or missed. */
export interface ExceptionalRecord {
  licenseId: string;
  licenseType: string;
  destinations: string[];
  requestedAt: string;
  issuedAt: string;
  decisionHours: number;
  deadlineHours: number;
  deadlineMet: boolean;
  reviewDate: string;
  /** kept: a status change or an amending license on or before the review date; missed: none by then; pending: not yet due. */
  review: 'kept' | 'missed' | 'pending';
  reviewEvidence?: string;
}

export interface TransparencyReport {
  period: { from: string | null; to: string };
  /** Every input verified against the trust given (signature, path to a trusted root, role, publisher). */
  verifiedAt: string;
  inputs: { licenses: number; statusLists: string[]; denialNotices: number };
  agencies: AgencyReport[];
}

const keyOf = (a: { country: string; agencyId: string }): string => `${a.country}/${a.agencyId}`;
const bump = (c: Counts, k: string, n = 1): void => {
  c[k] = (c[k] ?? 0) + n;
};
const sorted = (c: Counts): Counts => Object.fromEntries(Object.entries(c).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
const hours = (ms: number): number => Math.round((ms / 3_600_000) * 100) / 100;
const regimesOf = (items: ReadonlyArray<{ classifications?: ReadonlyArray<{ regime: string }>; classification?: { regime: string } }>): string[] =>
  [...new Set(items.flatMap((i) => (i.classifications ?? (i.classification ? [i.classification] : [])).map((c) => c.regime)))];

// A report concerns what was signed; a license that has since expired (or starts later) still counts.
const REPORTABLE_FAILURES = new Set(['LICENSE_EXPIRED', 'LICENSE_NOT_YET_VALID']);

function acceptable(r: VerificationResult): boolean {
  return r.document !== undefined && r.checks.every((c) => c.status !== 'fail' || (c.code !== undefined && REPORTABLE_FAILURES.has(c.code)));
}

/**
 * Build the transparency report from verified documents: licenses issued in [from, to), status changes
 * effective in it, denials made in it, per agency; exceptional licenses with decision time and review.
 *
 * @example
 * const report = buildReport(licenses, statusLists, notices, { from: new Date('2026-11-01'), to: new Date('2026-12-01'), asOf: new Date() });
 */
export function buildReport(licenses: License[], statusLists: StatusList[], notices: DenialNotice[], period: { from?: Date; to: Date; asOf?: Date }): TransparencyReport {
  const from = period.from?.getTime() ?? -Infinity;
  const to = period.to.getTime();
  // A review date is due when it is before the end of the period and before the time of the report.
  const due = Math.min(to, period.asOf?.getTime() ?? to);
  const inPeriod = (t: string): boolean => Date.parse(t) >= from && Date.parse(t) < to;
  const agencies = new Map<string, AgencyReport>();
  const reportFor = (a: Agency): AgencyReport => {
    let r = agencies.get(keyOf(a));
    if (!r) {
      r = {
        agency: { country: a.country, agencyId: a.agencyId, name: a.name },
        issued: { total: 0, amendments: 0, byLicenseType: {}, byDestination: {}, byRegime: {} },
        statusChanges: { revoked: 0, suspended: 0, amended: 0, byReason: {}, revokedByLicenseType: {}, revokedByDestination: {}, revokedByRegime: {} },
        denied: { total: 0, renewals: 0, withdrawals: 0, byDestination: {}, byReasonCategory: {}, byRegime: {} },
        exceptional: [],
        exceptionalSummary: { total: 0, deadlinesMet: 0, deadlinesMissed: 0, reviewsKept: 0, reviewsMissed: 0, reviewsPending: 0 },
      };
      agencies.set(keyOf(a), r);
    }
    return r;
  };

  const byId = new Map<string, License>();
  for (const l of licenses) if (!byId.has(`${keyOf(l.issuer)}/${l.id}`)) byId.set(`${keyOf(l.issuer)}/${l.id}`, l);
  // Of several versions of one status list, the newest speaks.
  const newest = new Map<string, StatusList>();
  for (const s of statusLists) {
    const k = `${keyOf(s.issuer)}/${s.id}`;
    const seen = newest.get(k);
    if (!seen || seen.sequence < s.sequence) newest.set(k, s);
  }
  const statusEntries = [...newest.values()].flatMap((s) => s.entries.map((e) => ({ issuer: s.issuer, entry: e })));

  for (const l of byId.values()) {
    if (!inPeriod(l.issuedAt)) continue;
    const r = reportFor(l.issuer);
    r.issued.total++;
    if (l.supersedes) r.issued.amendments++;
    bump(r.issued.byLicenseType, l.licenseType);
    for (const d of l.destinations) bump(r.issued.byDestination, d);
    for (const g of regimesOf(l.items)) bump(r.issued.byRegime, g);
    if (!l.exceptional) continue;
    const x = l.exceptional;
    const issued = Date.parse(l.issuedAt);
    const requested = Date.parse(x.requestedAt);
    const review = Date.parse(x.reviewDate);
    const evidence = reviewEvidence(l, review, statusEntries, [...byId.values()]);
    const state: ExceptionalRecord['review'] = evidence ? 'kept' : review > due ? 'pending' : 'missed';
    const rec: ExceptionalRecord = {
      licenseId: l.id,
      licenseType: l.licenseType,
      destinations: l.destinations,
      requestedAt: x.requestedAt,
      issuedAt: l.issuedAt,
      decisionHours: hours(issued - requested),
      deadlineHours: hours(Date.parse(x.decisionDeadline) - requested),
      deadlineMet: issued <= Date.parse(x.decisionDeadline),
      reviewDate: x.reviewDate,
      review: state,
      ...(evidence ? { reviewEvidence: evidence } : {}),
    };
    r.exceptional.push(rec);
    const s = r.exceptionalSummary;
    s.total++;
    if (rec.deadlineMet) s.deadlinesMet++;
    else s.deadlinesMissed++;
    if (state === 'kept') s.reviewsKept++;
    else if (state === 'missed') s.reviewsMissed++;
    else s.reviewsPending++;
  }

  for (const { issuer, entry } of statusEntries) {
    if (!inPeriod(entry.effectiveAt)) continue;
    const r = reportFor(issuer);
    r.statusChanges[entry.status]++;
    bump(r.statusChanges.byReason, `${entry.status}:${entry.reason}`);
    if (entry.status !== 'revoked') continue;
    const l = byId.get(`${keyOf(issuer)}/${entry.licenseId}`);
    bump(r.statusChanges.revokedByLicenseType, l?.licenseType ?? 'unknown');
    for (const d of l?.destinations ?? ['unknown']) bump(r.statusChanges.revokedByDestination, d);
    for (const g of l ? regimesOf(l.items) : ['unknown']) bump(r.statusChanges.revokedByRegime, g);
  }

  const seenNotices = new Set<string>();
  for (const n of notices) {
    const k = `${keyOf(n.deniedBy)}/${n.id}`;
    if (seenNotices.has(k) || !inPeriod(n.deniedAt)) continue;
    seenNotices.add(k);
    const r = reportFor(n.deniedBy);
    if (n.status === 'withdrawn') {
      r.denied.withdrawals++;
      continue;
    }
    if (n.supersedes) r.denied.renewals++;
    else r.denied.total++;
    bump(r.denied.byDestination, n.destination);
    bump(r.denied.byReasonCategory, n.reasonCategory);
    for (const g of regimesOf(n.items)) bump(r.denied.byRegime, g);
  }

  const list = [...agencies.values()].sort((a, b) => (keyOf(a.agency) < keyOf(b.agency) ? -1 : 1));
  for (const r of list) {
    for (const section of [r.issued, r.statusChanges, r.denied] as Array<Record<string, unknown>>) {
      for (const [k, v] of Object.entries(section)) if (typeof v === 'object' && v !== null) section[k] = sorted(v as Counts);
    }
    r.exceptional.sort((a, b) => Date.parse(a.issuedAt) - Date.parse(b.issuedAt));
  }
  return {
    period: { from: period.from ? period.from.toISOString() : null, to: period.to.toISOString() },
    verifiedAt: '',
    inputs: { licenses: byId.size, statusLists: [...newest.values()].map((s) => `${s.id} #${s.sequence}`), denialNotices: notices.length },
    agencies: list,
  };
}

/** Evidence that an exceptional license was reviewed by its review date: a status change, or an amending license. */
function reviewEvidence(l: License, review: number, entries: Array<{ issuer: Agency; entry: StatusList['entries'][number] }>, all: License[]): string | undefined {
  const e = entries.find((x) => keyOf(x.issuer) === keyOf(l.issuer) && x.entry.licenseId === l.id && Date.parse(x.entry.effectiveAt) <= review);
  if (e) return `${e.entry.status} ${e.entry.effectiveAt}${e.entry.successor ? ` (by ${e.entry.successor.id})` : ''}`;
  const amending = all.find((x) => x.supersedes?.id === l.id && keyOf(x.issuer) === keyOf(l.issuer) && Date.parse(x.issuedAt) <= review);
  return amending ? `amended ${amending.issuedAt} (by ${amending.id})` : undefined;
}

function markdown(r: TransparencyReport): string {
  const lines: string[] = [];
  const table = (title: string, c: Counts): void => {
    const rows = Object.entries(c);
    if (rows.length === 0) return;
    lines.push('', `| ${title} | count |`, '|---|---:|', ...rows.map(([k, v]) => `| ${k} | ${v} |`));
  };
  lines.push('# Transparency report', '', `Period: ${r.period.from ?? 'beginning'} to ${r.period.to} (end exclusive). Every input was verified (signature, certificate path, publisher role) at ${r.verifiedAt}.`);
  lines.push(`Inputs: ${r.inputs.licenses} licenses, ${r.inputs.denialNotices} denial notices, status lists ${r.inputs.statusLists.join(', ') || 'none'}. Aggregates only: no party is named.`);
  for (const a of r.agencies) {
    lines.push('', `## ${a.agency.name} (${a.agency.agencyId}, ${a.agency.country})`);
    lines.push('', `Issued: **${a.issued.total}** (of which ${a.issued.amendments} amendments). Revoked: **${a.statusChanges.revoked}**, suspended: ${a.statusChanges.suspended}, amended: ${a.statusChanges.amended}. Denied: **${a.denied.total}** (renewals ${a.denied.renewals}, withdrawals ${a.denied.withdrawals}).`);
    table('issued by license type', a.issued.byLicenseType);
    table('issued by destination', a.issued.byDestination);
    table('issued by regime', a.issued.byRegime);
    table('status change by reason', a.statusChanges.byReason);
    table('revoked by license type', a.statusChanges.revokedByLicenseType);
    table('revoked by destination', a.statusChanges.revokedByDestination);
    table('revoked by regime', a.statusChanges.revokedByRegime);
    table('denied by destination', a.denied.byDestination);
    table('denied by reason category', a.denied.byReasonCategory);
    table('denied by regime', a.denied.byRegime);
    if (a.exceptional.length > 0) {
      const s = a.exceptionalSummary;
      lines.push('', `### Humanitarian exemptions and emergency authorisations`, '', `${s.total} issued: decision deadline met ${s.deadlinesMet}, missed ${s.deadlinesMissed}; review kept ${s.reviewsKept}, missed ${s.reviewsMissed}, pending ${s.reviewsPending}.`);
      lines.push('', '| license | type | destinations | decision (h) | deadline (h) | deadline | review date | review |', '|---|---|---|---:|---:|---|---|---|');
      for (const x of a.exceptional) {
        lines.push(`| ${x.licenseId} | ${x.licenseType} | ${x.destinations.join(' ')} | ${x.decisionHours} | ${x.deadlineHours} | ${x.deadlineMet ? 'met' : 'missed'} | ${x.reviewDate} | ${x.review}${x.reviewEvidence ? `: ${x.reviewEvidence}` : ''} |`);
      }
    }
  }
  return lines.join('\n');
}

function csvCell(v: string | number | boolean): string {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Long format, one number per row: agency,section,dimension,key,value (exceptional: key = license id). */
function csv(r: TransparencyReport): string {
  const rows: Array<Array<string | number | boolean>> = [['agency', 'section', 'dimension', 'key', 'value']];
  for (const a of r.agencies) {
    const ag = keyOf(a.agency);
    rows.push([ag, 'issued', 'total', '', a.issued.total], [ag, 'issued', 'amendments', '', a.issued.amendments]);
    for (const [dim, c] of [['licenseType', a.issued.byLicenseType], ['destination', a.issued.byDestination], ['regime', a.issued.byRegime]] as const) for (const [k, v] of Object.entries(c)) rows.push([ag, 'issued', dim, k, v]);
    rows.push([ag, 'status', 'revoked', '', a.statusChanges.revoked], [ag, 'status', 'suspended', '', a.statusChanges.suspended], [ag, 'status', 'amended', '', a.statusChanges.amended]);
    for (const [dim, c] of [['reason', a.statusChanges.byReason], ['revokedLicenseType', a.statusChanges.revokedByLicenseType], ['revokedDestination', a.statusChanges.revokedByDestination], ['revokedRegime', a.statusChanges.revokedByRegime]] as const) for (const [k, v] of Object.entries(c)) rows.push([ag, 'status', dim, k, v]);
    rows.push([ag, 'denied', 'total', '', a.denied.total], [ag, 'denied', 'renewals', '', a.denied.renewals], [ag, 'denied', 'withdrawals', '', a.denied.withdrawals]);
    for (const [dim, c] of [['destination', a.denied.byDestination], ['reasonCategory', a.denied.byReasonCategory], ['regime', a.denied.byRegime]] as const) for (const [k, v] of Object.entries(c)) rows.push([ag, 'denied', dim, k, v]);
    for (const x of a.exceptional) {
      rows.push([ag, 'exceptional', 'decisionHours', x.licenseId, x.decisionHours], [ag, 'exceptional', 'deadlineHours', x.licenseId, x.deadlineHours], [ag, 'exceptional', 'deadlineMet', x.licenseId, x.deadlineMet], [ag, 'exceptional', 'review', x.licenseId, x.review]);
    }
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\n');
}

/**
 * `xlic report <signed licenses, status lists, denial notices…>`: verify every input, then summarise per
 * agency what was issued, revoked and denied in [--from, --to), as Markdown, JSON or CSV, without party data.
 */
export async function reportCommand(files: string[], flags: ReportFlags): Promise<number> {
  const format = flags.format ?? 'md';
  if (!['md', 'json', 'csv'].includes(format)) throw new XlicError('USAGE', `--format must be md, json or csv, not ${JSON.stringify(format)}`);
  const at = parseTime(flags.at);
  const to = flags.to ? parseTime(flags.to, '--to') : at;
  const from = flags.from ? parseTime(flags.from, '--from') : undefined;
  if (from && from.getTime() >= to.getTime()) throw new XlicError('USAGE', '--from must be before --to');
  const agency = flags.agency?.toUpperCase();
  if (agency !== undefined && !/^[A-Z]{2}\/[A-Z0-9][A-Z0-9._-]*$/.test(agency)) throw new XlicError('USAGE', `--agency must look like DE/BAFA, not ${JSON.stringify(flags.agency)}`);
  const trust = await loadTrustFromFlags(flags, at);

  const licenses: License[] = [];
  const statusLists: StatusList[] = [];
  const notices: DenialNotice[] = [];
  for (const file of files) {
    const { bytes } = await readInput(file);
    const r = await verifyDocument(decodeText(bytes).trim(), trust);
    if (!acceptable(r)) throw new XlicError(r.code ?? 'JWS_MALFORMED', `${file} does not verify: ${r.reason ?? 'not a signed xlic document'}; a report counts only verified documents`);
    if (r.kind === 'license') licenses.push(r.document as License);
    else if (r.kind === 'status-list') statusLists.push(r.document as StatusList);
    else if (r.kind === 'denial-notice') notices.push(r.document as DenialNotice);
    else throw new XlicError('UNKNOWN_DOCUMENT_KIND', `${file} is a ${r.kind}; a report reads signed licenses, status lists and denial notices`);
  }
  const report = buildReport(licenses, statusLists, notices, from ? { from, to, asOf: at } : { to, asOf: at });
  report.verifiedAt = at.toISOString();
  if (agency) report.agencies = report.agencies.filter((a) => keyOf(a.agency) === agency);
  const text = format === 'json' ? JSON.stringify(report, null, 2) : format === 'csv' ? csv(report) : markdown(report);
  if (flags.out) {
    await writeFileAtomic(flags.out, text + '\n');
    out(`wrote the ${format} report (${report.agencies.length} agenc${report.agencies.length === 1 ? 'y' : 'ies'}) → ${flags.out}`);
  } else out(text);
  return EXIT.OK;
}
