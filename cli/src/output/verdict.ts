import type { License } from '@xlic/core';
import type { Check, DossierResult, RulesReport, TrustContext, VerificationResult } from '@xlic/verify';
import type { Style } from './style.js';

const when = (iso: string): string => iso.replace('T', ' ').replace(/:\d{2}(\.\d+)?Z$/, ' UTC').replace(/Z$/, ' UTC');
const partyName = (p: { legalName: string; legalNameLatin?: string; country: string }): string => `${p.legalName}${p.legalNameLatin ? ` (${p.legalNameLatin})` : ''}, ${p.country}`;

/** The human verdict for one document: VALID or INVALID first, then who, what, until when, and each check. */
export function formatVerdict(file: string, r: VerificationResult, s: Style): string[] {
  const lines: string[] = [];
  const doc = r.document as Record<string, unknown> | undefined;
  const label = r.kind ? `${r.kind}${doc && typeof doc['id'] === 'string' ? ` ${doc['id']}` : ''}` : 'document';
  if (r.verdict === 'VALID') lines.push(`${s.ok(s.bold('VALID'))}    ${label}  ${s.dim(file)}`);
  else lines.push(`${s.bad(s.bold('INVALID'))}  ${label}  ${s.dim(file)}`, `  ${s.bad('Reason')}     ${r.reason} ${s.dim(`[${r.code}]`)}`);
  if (r.kind === 'license' && doc && r.findings.every((f) => f.severity !== 'error')) {
    const l = doc as unknown as License;
    const issuer = r.signatures[0];
    lines.push(`  Issued by  ${l.issuer.name} (${l.issuer.agencyId}, ${l.issuer.country})${issuer?.signingTime ? `, signed ${when(issuer.signingTime)}` : ''}`);
    for (const c of r.signatures.filter((x) => x.role === 'countersigner' && x.anchor)) lines.push(`  Co-signed  ${c.anchor!.agency.name} (${c.anchor!.agency.agencyId}, ${c.anchor!.agency.country})`);
    lines.push(`  Type       ${l.licenseType}${l.exceptional ? s.warn(` — expedited, review by ${when(l.exceptional.reviewDate)}`) : ''}`);
    lines.push(`  Exporter   ${partyName(l.exporter)}`);
    lines.push(`  Consignee  ${partyName(l.consignee)}`);
    for (const u of l.endUsers) lines.push(`  End user   ${partyName(u)}`);
    if (l.intermediateConsignees?.length) lines.push(`  Via        ${l.intermediateConsignees.map((p) => `${p.legalNameLatin ?? p.legalName} (${p.country})`).join(' → ')}`);
    lines.push(`  To         ${l.destinations.join(', ')}`);
    const items = l.items.slice(0, 3).map((i) => `${[...new Set(i.classifications.map((c) => c.code))].join('/')} ${i.description.slice(0, 40)} (${i.quantity.value} ${i.quantity.unit})`);
    lines.push(`  Items      ${l.items.length}: ${items.join('; ')}${l.items.length > 3 ? `; +${l.items.length - 3} more` : ''}`);
    lines.push(`  Valid      ${when(l.validity.validFrom)} → ${when(l.validity.validUntil)}`);
  }
  const extra = r as VerificationResult & { dossier?: DossierResult['dossier']; rules?: RulesReport[] };
  for (const d of extra.dossier?.declarations ?? []) {
    const mark = d.verdict === 'VALID' ? s.ok('✓') : s.bad('✗');
    lines.push(`  Declared   ${mark} ${d.id ?? `#${d.index + 1}`}${d.verdict === 'VALID' ? (d.certified ? `, certified by ${d.certifiedBy?.agencyId} (${d.certifiedBy?.country})` : ', not certified') : ` INVALID [${d.code}]`}${d.referenced ? '' : s.warn(' (not referenced by the license)')}`);
  }
  for (const rr of extra.rules ?? []) {
    const level = rr.riskLevel === 'high' ? s.bad(rr.riskLevel.toUpperCase()) : rr.riskLevel === 'medium' ? s.warn(rr.riskLevel.toUpperCase()) : s.ok(rr.riskLevel.toUpperCase());
    lines.push(`  Risk       ${level} (score ${rr.riskScore}) under ${rr.source}${rr.fired.length ? `; rules fired: ${rr.fired.join(', ')}` : ''}`);
    for (const e of rr.escalations) lines.push(`  ${s.warn(s.bold('ESCALATE'))}   to ${e.unit} by ${e.deadline} (within ${e.within}): ${e.reason}`);
  }
  for (const sig of r.signatures) if (sig.anchor) lines.push(`  Trusted    ${cn(sig.signer?.subject)} → ${cn(sig.anchor.subject)}, per ${sig.anchor.source}`);
  lines.push(`  Checks     ${r.checks.filter((c) => c.name !== 'trust' && c.name !== 'bundle').map((c) => mark(c, s)).join('  ')}`);
  for (const c of r.checks) if (c.status === 'fail' || c.status === 'warn') lines.push(`    ${c.status === 'fail' ? s.bad('✗') : s.warn('!')} ${c.name}: ${c.message} ${s.dim(`[${c.code}]`)}`);
  return lines;
}

/** The CN of an RFC 4514 name, for short lines; the whole name when it has none. */
function cn(subject: string | undefined): string {
  const m = subject ? /(?:^|, )CN=((?:\\.|[^,])+)/.exec(subject) : null;
  return m ? m[1]!.replace(/\\(.)/g, '$1') : (subject ?? '?');
}

function mark(c: Check, s: Style): string {
  const sig = c.signature !== undefined ? `#${c.signature + 1}` : '';
  return c.status === 'pass' ? s.ok(`✓ ${c.name}${sig}`) : c.status === 'fail' ? s.bad(`✗ ${c.name}${sig}`) : c.status === 'warn' ? s.warn(`! ${c.name}${sig}`) : s.dim(`- ${c.name}${sig}`);
}

/** One line describing what the verifier trusted, for the top of a run. */
export function formatTrustSummary(ctx: TrustContext): string {
  const lists = ctx.trustLists.map((t) => `${t.id} #${t.sequence}${t.stale ? ' (STALE)' : ''}`).join(', ');
  const status = [...ctx.statusLists.values()].map((s) => `${s.list.id} #${s.list.sequence}${s.stale ? ' (STALE)' : ''}`).join(', ');
  const parts = [`trust: ${lists || 'PEM roots'}`, `status: ${status || 'none'}`, `CRLs: ${ctx.crls.length}`];
  if (ctx.bundle) parts.unshift(`bundle ${ctx.bundle.id} as of ${ctx.bundle.asOf}`);
  return `${parts.join(' · ')} · at ${ctx.at.toISOString()}`;
}
