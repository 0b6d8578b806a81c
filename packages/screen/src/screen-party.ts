import { finding, warning, type Agency, type Finding, type License, type Party } from '@xlic/core';
import type { EntryName } from './documents.js';
import { identifierKey } from './identifiers.js';
import { normalizeName, type NameKey } from './normalize-name.js';
import { blockingKeys, MAX_BLOCK_SIZE, MAX_CANDIDATES, type IndexedEntry, type ScreeningIndex } from './screening-index.js';
import { compareNames, RULE_SCORES, type MatchRule } from './similarity.js';
import type { NameFlag } from './unicode-hygiene.js';

/** A party matching a list entry, with everything needed to explain and act on it. */
export interface ScreeningHit {
  /** current: the entry is listed at the screening time; informational: de-listed (or not yet listed). */
  status: 'current' | 'informational';
  informationalReason?: 'delisted' | 'not-yet-listed';
  /** What the list's policy makes of the hit: fail, escalate, or none for informational hits. */
  action: 'fail' | 'escalate' | 'none';
  /** Unit that decides an escalated hit. */
  escalateTo?: string;
  list: { id: string; sequence: number; publisher: Agency; source: string };
  entryId: string;
  /** The entry's primary name (first name of kind primary, else its first name). */
  entryName: string;
  rule: MatchRule;
  score: number;
  matched: {
    /** Which field of the party matched. */
    partyField: 'legalName' | 'legalNameLatin' | 'identifiers';
    partyValue: string;
    /** The entry name that matched (name rules). */
    entryName?: EntryName & { index: number };
    /** The identifier that matched (identifier rule), normalised as scheme:country:value. */
    identifier?: string;
  };
  /** One sentence a reviewer can read. */
  explanation: string;
  delistedAt?: string;
}

/** Names of a party that are matched, with their field. */
function partyNames(party: Party): Array<{ field: 'legalName' | 'legalNameLatin'; value: string; key: NameKey }> {
  const out: Array<{ field: 'legalName' | 'legalNameLatin'; value: string; key: NameKey }> = [
    { field: 'legalName', value: party.legalName, key: normalizeName(party.legalName) },
  ];
  if (party.legalNameLatin) out.push({ field: 'legalNameLatin', value: party.legalNameLatin, key: normalizeName(party.legalNameLatin) });
  return out;
}

const RULE_RANK: Record<MatchRule, number> = { identifier: 5, 'exact-normalised': 4, 'token-sort': 3, transliteration: 2, fuzzy: 1 };

function primaryName(e: IndexedEntry): string {
  return (e.entry.names.find((n) => n.kind === 'primary') ?? e.entry.names[0])?.value ?? e.entry.id;
}

function makeHit(e: IndexedEntry, rule: MatchRule, score: number, matched: ScreeningHit['matched'], detail: string): ScreeningHit {
  const current = e.status === 'current';
  const hit: ScreeningHit = {
    status: e.status,
    action: current ? e.list.policy.onHit : 'none',
    list: { id: e.list.id, sequence: e.list.sequence, publisher: e.list.publisher, source: e.list.source },
    entryId: e.entry.id,
    entryName: primaryName(e),
    rule,
    score,
    matched,
    explanation: '',
  };
  if (e.informationalReason) hit.informationalReason = e.informationalReason;
  if (current && e.list.policy.onHit === 'escalate' && e.list.policy.escalateTo) hit.escalateTo = e.list.policy.escalateTo;
  if (e.entry.delisting) hit.delistedAt = e.entry.delisting.at;
  const what = matched.entryName
    ? `${matched.partyField} "${matched.partyValue}" matches ${matched.entryName.kind} name "${matched.entryName.value}"`
    : `identifier ${matched.identifier} matches`;
  const status = e.informationalReason === 'delisted' ? ` — informational: de-listed at ${e.entry.delisting?.at}` : e.informationalReason === 'not-yet-listed' ? ` — informational: listed only from ${e.entry.listedAt}` : '';
  hit.explanation = `${what} of entry ${e.entry.id} ("${hit.entryName}") on list ${e.list.id} #${e.list.sequence} of ${e.list.publisher.country} ${e.list.publisher.agencyId} by rule ${rule} (score ${score.toFixed(3)}; ${detail})${status}`;
  return hit;
}

/**
 * Screen one party: identifiers first (exact after normalisation), then every name of the party
 * (legalName, legalNameLatin) against every name and alias of the entries sharing a blocking key.
 * Returns at most one hit per entry (the strongest), current hits first, then by score.
 *
 * @example
 * const hits = screenParty(index, { legalName: 'ООО Ромашка', address, country: 'RU' });
 * for (const h of hits) console.log(h.status, h.rule, h.score, h.explanation);
 */
export function screenParty(index: ScreeningIndex, party: Party): ScreeningHit[] {
  const best = new Map<IndexedEntry, ScreeningHit>();
  const offer = (hit: ScreeningHit, entry: IndexedEntry): void => {
    const seen = best.get(entry);
    if (!seen || hit.score > seen.score || (hit.score === seen.score && RULE_RANK[hit.rule] > RULE_RANK[seen.rule])) best.set(entry, hit);
  };
  for (const id of party.identifiers ?? []) {
    const k = identifierKey(id);
    for (const { entry } of index.identifiers.get(k) ?? []) {
      offer(makeHit(entry, 'identifier', RULE_SCORES.identifier, { partyField: 'identifiers', partyValue: id.value, identifier: k }, `same ${id.scheme}`), entry);
    }
  }
  // The original script decides when both sides have it: a romanised name that is merely similar does
  // not override kanji (or Cyrillic, Arabic …) that clearly differ (大阪光学 vs 大阪化学, Kogaku vs Kagaku).
  const names = partyNames(party);
  const nativeScript = names[0]?.key.script;
  const weak: Array<{ hit: ScreeningHit; entry: IndexedEntry }> = [];
  for (const pn of names) {
    for (const i of candidateNames(index, pn.key)) {
      const n = index.names[i];
      if (!n) continue;
      const c = compareNames(n.key, pn.key);
      if (c.score < index.threshold) continue;
      const hit = makeHit(n.entry, c.rule, c.score, { partyField: pn.field, partyValue: pn.value, entryName: { ...n.name, index: n.nameIndex } }, c.detail);
      if (pn.field === 'legalNameLatin' && c.rule === 'fuzzy') weak.push({ hit, entry: n.entry });
      else offer(hit, n.entry);
    }
  }
  for (const { hit, entry } of weak) {
    const own = names[0];
    const sameScript = own && nativeScript !== undefined ? entry.keys.filter((k) => k.script === nativeScript) : [];
    const native = own ? Math.max(0, ...sameScript.map((k) => compareNames(k, own.key).score)) : 0;
    if (sameScript.length === 0 || native >= index.threshold) offer(hit, entry);
  }
  return [...best.values()].sort((a, b) => (a.status === b.status ? b.score - a.score : a.status === 'current' ? -1 : 1));
}

/** Names sharing blocking keys with `key`, those sharing the most first, at most MAX_CANDIDATES. */
function candidateNames(index: ScreeningIndex, key: NameKey): number[] {
  const buckets = blockingKeys(key).map((k) => index.blocks.get(k) ?? []);
  const usable = buckets.filter((b) => b.length <= MAX_BLOCK_SIZE);
  const shared = new Map<number, number>();
  for (const bucket of usable.length > 0 ? usable : buckets) for (const i of bucket) shared.set(i, (shared.get(i) ?? 0) + 1);
  if (shared.size <= MAX_CANDIDATES) return [...shared.keys()];
  return [...shared].sort((x, y) => y[1] - x[1]).slice(0, MAX_CANDIDATES).map(([i]) => i);
}

/** Flags on the way a party's names are written (bidi controls, invisible characters, look-alikes). */
export function inspectPartyNames(party: Party): Array<NameFlag & { field: 'legalName' | 'legalNameLatin' }> {
  return partyNames(party).flatMap((pn) => pn.key.flags.map((f) => ({ ...f, field: pn.field })));
}

/** The screening of one party of a license. */
export interface PartyScreening {
  role: 'exporter' | 'consignee' | 'end-user' | 'intermediate-consignee';
  /** JSON Pointer of the party in the license. */
  path: string;
  legalName: string;
  hits: ScreeningHit[];
  flags: Array<NameFlag & { field: 'legalName' | 'legalNameLatin' }>;
}

/** The screening of all parties of a license. */
export interface LicenseScreening {
  /** fail: a current hit on a fail list; escalate: a current hit on an escalate list; clear: neither. */
  verdict: 'clear' | 'escalate' | 'fail';
  parties: PartyScreening[];
  /** SCREENING_HIT, SCREENING_HIT_ESCALATE (errors), SCREENING_HIT_DELISTED, SCREENING_NAME_SUSPICIOUS and list warnings. */
  findings: Finding[];
}

/**
 * Screen every party of a license (exporter, consignee, end users, intermediate consignees).
 *
 * @example
 * const r = screenLicense(index, license);
 * if (r.verdict !== 'clear') for (const f of r.findings) console.log(f.path, f.code, f.message);
 */
export function screenLicense(index: ScreeningIndex, license: License): LicenseScreening {
  const parties: Array<{ role: PartyScreening['role']; path: string; party: Party }> = [
    { role: 'exporter', path: '/exporter', party: license.exporter },
    { role: 'consignee', path: '/consignee', party: license.consignee },
    ...license.endUsers.map((party, i) => ({ role: 'end-user' as const, path: `/endUsers/${i}`, party })),
    ...(license.intermediateConsignees ?? []).map((party, i) => ({ role: 'intermediate-consignee' as const, path: `/intermediateConsignees/${i}`, party })),
  ];
  const findings: Finding[] = [...index.findings];
  let verdict: LicenseScreening['verdict'] = 'clear';
  const out = parties.map(({ role, path, party }) => {
    const hits = screenParty(index, party);
    const flags = inspectPartyNames(party);
    for (const h of hits) {
      if (h.action === 'fail') {
        verdict = 'fail';
        findings.push(finding('SCREENING_HIT', path, h.explanation));
      } else if (h.action === 'escalate') {
        if (verdict === 'clear') verdict = 'escalate';
        findings.push(finding('SCREENING_HIT_ESCALATE', path, `${h.explanation}; escalate to ${h.escalateTo ?? 'the list publisher'}`));
      } else findings.push(warning('SCREENING_HIT_DELISTED', path, h.explanation));
    }
    for (const f of flags) findings.push(warning('SCREENING_NAME_SUSPICIOUS', `${path}/${f.field}`, f.message));
    return { role, path, legalName: party.legalName, hits, flags };
  });
  return { verdict, parties: out, findings };
}
