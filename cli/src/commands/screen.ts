import { XlicError, decodeText, detectKind, isXlicError, parseJson, validateDocument, type Code, type Finding } from '@xlic/core';
import { inspectPartyNames, matchDenials, screenParty, type DenialMatch, type ScreeningHit } from '@xlic/screen';
import { EXIT, exitStatusFor, worstStatus } from '../exit-status.js';
import { readInput } from '../io/read-input.js';
import { parseTime } from '../io/time.js';
import { loadTrustFromFlags } from '../io/trust-inputs.js';
import { styleFor } from '../output/style.js';
import { err, out, outJson } from '../output/write.js';
import { consultationsOf, decodeSignedPayload, loadScreeningInputs, screeningDocument, type ScreeningDocument } from '../screening-checks.js';

export interface ScreenFlags {
  list?: string[];
  denials?: string[];
  trust?: string[];
  bundle?: string;
  pin?: string[];
  at?: string;
  json?: boolean;
}

type Outcome = 'CLEAR' | 'HIT' | 'ESCALATE';

interface PartyResult {
  role: string;
  path: string;
  legalName: string;
  outcome: Outcome;
  hits: ScreeningHit[];
  flags: ReturnType<typeof inspectPartyNames>;
}

interface DocumentResult {
  file: string;
  kind?: ScreeningDocument['kind'];
  id?: string;
  signed?: boolean;
  parties: PartyResult[];
  denials: Array<Omit<DenialMatch, 'notice'> & { noticeId: string; deniedBy: string; source?: string }>;
  error?: { code: Code; message: string };
}

/** Read one input: a party, license or declaration as JSON, a signed license or declaration, or a dossier. */
async function readDocument(file: string): Promise<{ doc: ScreeningDocument; signed: boolean }> {
  const { bytes } = await readInput(file);
  const text = decodeText(bytes).trim();
  let document: unknown;
  let signed = false;
  if (text.startsWith('{')) document = parseJson(text);
  // JWS JSON serialization (a countersigned license, a certified declaration) or compact JWS.
  const jwsJson = document !== undefined && typeof (document as { payload?: unknown }).payload === 'string';
  if (document === undefined || jwsJson) {
    document = decodeSignedPayload(text);
    signed = true;
  }
  const kind = detectKind(document);
  if (kind === 'party' || kind === 'license' || kind === 'end-use-declaration' || kind === 'dossier') {
    const v = validateDocument(document, kind);
    const first = v.findings.find((f: Finding) => f.severity === 'error');
    if (first) throw new XlicError('UNKNOWN_DOCUMENT_KIND', `${file} is not a valid ${kind}: ${first.message} [${first.code}] (xlic validate shows every problem)`);
  }
  return { doc: screeningDocument(document), signed };
}

function outcomeOf(hits: readonly ScreeningHit[]): Outcome {
  if (hits.some((h) => h.action === 'fail')) return 'HIT';
  if (hits.some((h) => h.action === 'escalate')) return 'ESCALATE';
  return 'CLEAR';
}

/**
 * `xlic screen <file…> --list <signed list…> [--denials <signed notice…>]`: screen every party of parties,
 * licenses, declarations and dossiers against verified screening lists (and a license against allies'
 * denial notices). Exit 0 clear, 1 a hit, an escalation or a blocking denial, 2 input errors.
 */
export async function screenCommand(files: string[], flags: ScreenFlags): Promise<number> {
  if (!flags.list?.length) throw new XlicError('USAGE', 'give at least one signed screening list with --list <file>');
  const at = parseTime(flags.at);
  const trust = await loadTrustFromFlags(flags, at);
  const inputs = await loadScreeningInputs(flags.list, flags.denials ?? [], trust, at);
  const sourceOf = new Map(inputs.noticeSources.map((n) => [n.notice, n.source]));

  const results: DocumentResult[] = [];
  for (const file of files) {
    try {
      const { doc, signed } = await readDocument(file);
      const parties = doc.subjects.map((s): PartyResult => {
        const hits = screenParty(inputs.index, s.party);
        return { role: s.role, path: s.path, legalName: s.party.legalName, outcome: outcomeOf(hits), hits, flags: inspectPartyNames(s.party) };
      });
      const denials = doc.license && inputs.notices.length > 0
        ? matchDenials(inputs.notices, doc.license, at, consultationsOf(doc.license)).map(({ notice, ...m }) => ({ noticeId: notice.id, deniedBy: `${notice.deniedBy.country} ${notice.deniedBy.agencyId}`, source: sourceOf.get(notice), ...m }))
        : [];
      results.push({ file, kind: doc.kind, ...(doc.id ? { id: doc.id } : {}), signed, parties, denials });
    } catch (e) {
      if (!isXlicError(e)) throw e;
      results.push({ file, parties: [], denials: [], error: { code: e.code, message: e.message } });
    }
  }

  const statusOf = (r: DocumentResult): number => {
    if (r.error) return exitStatusFor(r.error.code) || EXIT.USAGE_OR_INPUT;
    const bad = r.parties.some((p) => p.outcome !== 'CLEAR') || r.denials.some((d) => d.state === 'blocking');
    return bad ? EXIT.INVALID : EXIT.OK;
  };
  const status = worstStatus(results.map(statusOf));
  const lists = inputs.index.lists.map((l) => ({ id: l.id, sequence: l.sequence, publisher: l.publisher, source: l.source, policy: l.policy, stale: l.stale }));
  if (flags.json) {
    outJson({ at: at.toISOString(), lists, notices: inputs.noticeSources.map((n) => ({ id: n.notice.id, deniedBy: n.notice.deniedBy, status: n.notice.status, source: n.source, payloadSha256: n.payloadSha256 })), notes: inputs.checks, documents: results, exitStatus: status });
    return status;
  }
  printResults(results, lists, inputs.checks, at);
  return status;
}

function printResults(results: DocumentResult[], lists: Array<{ id: string; sequence: number; publisher: { country: string; agencyId: string }; source: string; policy: { onHit: string }; stale: boolean }>, notes: Array<{ code?: Code; message: string }>, at: Date): void {
  const s = styleFor(process.stdout);
  out(s.dim(`lists: ${lists.map((l) => `${l.id} #${l.sequence} (${l.publisher.agencyId} ${l.publisher.country}, on hit: ${l.policy.onHit}${l.stale ? ', STALE' : ''})`).join(' · ')} · at ${at.toISOString()}`));
  for (const n of notes) out(s.warn(`note: ${n.message} [${n.code}]`));
  const counts = { CLEAR: 0, HIT: 0, ESCALATE: 0 };
  let blocking = 0;
  for (const r of results) {
    out('');
    if (r.error) {
      err(`${s.bad('ERROR')}    ${r.file}: ${r.error.message} [${r.error.code}]`);
      continue;
    }
    out(s.bold(`${r.file}: ${r.kind}${r.id ? ` ${r.id}` : ''}${r.signed ? ' (signed; signature not checked here — xlic verify --screen checks it)' : ''}`));
    for (const p of r.parties) {
      counts[p.outcome]++;
      const label = p.outcome === 'CLEAR' ? s.ok('CLEAR   ') : p.outcome === 'HIT' ? s.bad('HIT     ') : s.warn('ESCALATE');
      out(`${label} ${p.role} ${p.path || ''} ${p.legalName}`.replace(/ {2,}/g, ' '));
      for (const h of p.hits) {
        const tag = h.action === 'fail' ? 'hit' : h.action === 'escalate' ? 'escalate' : 'info';
        out(`  ${tag}: entry ${h.entryId} "${h.entryName}" · ${h.matched.entryName ? `${h.matched.entryName.kind} "${h.matched.entryName.value}"` : `identifier ${h.matched.identifier}`} · rule ${h.rule} · score ${h.score.toFixed(3)} · list ${h.list.id} #${h.list.sequence} of ${h.list.publisher.agencyId} ${h.list.publisher.country}${h.escalateTo ? ` · escalate to ${h.escalateTo}` : ''}${h.delistedAt ? ` · de-listed ${h.delistedAt}` : ''}`);
        out(s.dim(`    ${h.explanation}`));
      }
      for (const f of p.flags) out(s.warn(`  note: ${f.field}: ${f.message} [SCREENING_NAME_SUSPICIOUS]`));
    }
    for (const d of r.denials) {
      if (d.state === 'blocking') blocking++;
      const label = d.state === 'blocking' ? s.bad('DENIED  ') : d.state === 'consulted' ? s.warn('CONSULTED') : s.dim(d.state.toUpperCase());
      out(`${label} ${d.explanation}${d.state === 'blocking' ? ' [DENIAL_BLOCKS_LICENSE]' : d.state === 'consulted' ? ' [DENIAL_CONSULTED]' : ''}`);
    }
  }
  out('');
  out(`${counts.CLEAR + counts.HIT + counts.ESCALATE} parties screened: ${counts.CLEAR} clear, ${counts.HIT} hit, ${counts.ESCALATE} escalate${blocking ? `; ${blocking} blocking denial${blocking === 1 ? '' : 's'}` : ''}`);
}
