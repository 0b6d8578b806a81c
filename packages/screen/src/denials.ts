import { finding, warning, XlicError, type Classification, type Finding, type License, type Party } from '@xlic/core';
import { validateDenialNotice, type DenialNotice } from './documents.js';
import { identifierKey } from './identifiers.js';
import { normalizeName } from './normalize-name.js';
import { compareNames, type MatchRule } from './similarity.js';

/**
 * A consultation of a denying ally, as recorded for a license (proposed license field
 * `consultations`, docs/drafts/screening.md §6; passed separately until the license schema has it).
 */
export interface Consultation {
  /** The denial notice consulted on. */
  noticeId: string;
  /** The denying agency that was consulted. */
  agency: { country: string; agencyId: string };
  consultedAt: string;
  /** The ally's file number or message reference. */
  reference?: string;
}

/** Name score at or above which two parties count as the same for denials (identifiers aside). */
export const DENIAL_NAME_THRESHOLD = 0.92;

/** How a license party matched a party of a notice. */
export interface DenialPartyMatch {
  noticeRole: 'endUser' | 'consignee';
  /** JSON Pointer of the matching license party. */
  licensePath: string;
  rule: MatchRule;
  score: number;
}

/** A notice covering an essentially identical transaction, and what it means for the license now. */
export interface DenialMatch {
  notice: DenialNotice;
  /**
   * blocking: active, not expired, not consulted — the license must not be signed;
   * consulted: would block, but the license records a consultation with the denying agency;
   * expired / withdrawn / superseded / not-yet-effective: reported for the record, blocks nothing.
   */
  state: 'blocking' | 'consulted' | 'expired' | 'withdrawn' | 'superseded' | 'not-yet-effective';
  parties: DenialPartyMatch[];
  /** Overlapping classifications: the denied code and the licensed code it overlaps. */
  codes: Array<{ denied: Classification; licensed: Classification; line: number }>;
  destination: string;
  consultation?: Consultation;
  explanation: string;
}

const agencyKey = (a: { country: string; agencyId: string }): string => `${a.country}/${a.agencyId}`;

// EU and Wassenaar dual-use lists and US ECCNs share one numbering (category, group, number).
const DUAL_USE = new Set(['eu-dual-use', 'wassenaar-dual-use', 'us-eccn']);

/**
 * Two classifications overlap when they are in comparable regimes and one code is the other or a
 * sub-entry of it (2B001 and 2B001.b.2 overlap; 2B001 and 2B0010 do not). EAR99 overlaps nothing.
 */
export function classificationsOverlap(a: Classification, b: Classification): boolean {
  const comparable = a.regime === b.regime ? a.regime !== 'national' || a.list === b.list : DUAL_USE.has(a.regime) && DUAL_USE.has(b.regime);
  if (!comparable || a.code === 'EAR99' || b.code === 'EAR99') return false;
  const x = a.code.toLowerCase();
  const y = b.code.toLowerCase();
  return x === y || x.startsWith(`${y}.`) || y.startsWith(`${x}.`);
}

function partiesMatch(a: Party, b: Party): { rule: MatchRule; score: number } | undefined {
  const ids = new Set((a.identifiers ?? []).map(identifierKey));
  if ((b.identifiers ?? []).some((id) => ids.has(identifierKey(id)))) return { rule: 'identifier', score: 1 };
  let best: { rule: MatchRule; score: number } | undefined;
  const namesA = [a.legalName, a.legalNameLatin].filter((n): n is string => !!n).map(normalizeName);
  const namesB = [b.legalName, b.legalNameLatin].filter((n): n is string => !!n).map(normalizeName);
  for (const x of namesA) {
    for (const y of namesB) {
      const c = compareNames(x, y);
      if (c.score >= DENIAL_NAME_THRESHOLD && (!best || c.score > best.score)) best = { rule: c.rule, score: c.score };
    }
  }
  return best;
}

/**
 * Every notice that covers an essentially identical transaction — same end user or consignee (by
 * identifier or a name score ≥ DENIAL_NAME_THRESHOLD), an overlapping classification, the same
 * destination — with its state at `at`. A notice superseded by a later notice of the same agency
 * (renewal or withdrawal) is replaced by it. Throws XlicError DENIAL_NOTICE_INVALID on an invalid notice.
 *
 * @example
 * for (const m of matchDenials(notices, license, new Date())) console.log(m.state, m.explanation);
 */
export function matchDenials(notices: readonly DenialNotice[], license: License, at: Date, consultations: readonly Consultation[] = []): DenialMatch[] {
  notices.forEach((n, i) => {
    const problems = validateDenialNotice(n);
    if (problems.length > 0) {
      const first = problems[0];
      throw new XlicError('DENIAL_NOTICE_INVALID', `denial notice #${i} (${String((n as { id?: unknown }).id)}) is not valid: ${first?.code} at ${first?.path || '/'}: ${first?.message}`, { findings: problems });
    }
  });
  const now = at.getTime();
  const supersededBy = new Map<string, DenialNotice>();
  for (const n of notices) if (n.supersedes) supersededBy.set(`${agencyKey(n.deniedBy)}/${n.supersedes.id}`, n);

  const licenseParties: Array<{ path: string; party: Party }> = [
    { path: '/consignee', party: license.consignee },
    ...license.endUsers.map((party, i) => ({ path: `/endUsers/${i}`, party })),
  ];
  const out: DenialMatch[] = [];
  for (const notice of notices) {
    if (!license.destinations.includes(notice.destination)) continue;
    const codes: DenialMatch['codes'] = [];
    for (const item of notice.items) {
      for (const line of license.items) {
        for (const c of line.classifications) if (classificationsOverlap(item.classification, c)) codes.push({ denied: item.classification, licensed: c, line: line.line });
      }
    }
    if (codes.length === 0) continue;
    const parties: DenialPartyMatch[] = [];
    const noticeParties: Array<[DenialPartyMatch['noticeRole'], Party | undefined]> = [['endUser', notice.endUser], ['consignee', notice.consignee]];
    for (const [noticeRole, np] of noticeParties) {
      if (!np) continue;
      for (const lp of licenseParties) {
        const m = partiesMatch(np, lp.party);
        if (m) parties.push({ noticeRole, licensePath: lp.path, ...m });
      }
    }
    if (parties.length === 0) continue;

    const successor = supersededBy.get(`${agencyKey(notice.deniedBy)}/${notice.id}`);
    const consultation = consultations.find((c) => c.noticeId === notice.id && agencyKey(c.agency) === agencyKey(notice.deniedBy));
    let state: DenialMatch['state'];
    if (successor) state = 'superseded';
    else if (notice.status === 'withdrawn') state = 'withdrawn';
    else if (Date.parse(notice.deniedAt) > now) state = 'not-yet-effective';
    else if (Date.parse(notice.expiresAt) <= now) state = 'expired';
    else state = consultation ? 'consulted' : 'blocking';

    const who = parties.map((p) => `${p.noticeRole} ≈ ${p.licensePath} (${p.rule}, ${p.score.toFixed(2)})`).join(', ');
    const what = [...new Set(codes.map((c) => `${c.denied.code}~${c.licensed.code}`))].join(', ');
    const why: Record<DenialMatch['state'], string> = {
      blocking: `blocks signing until ${notice.deniedBy.agencyId} is consulted (${notice.consultationContact.unit}, ${notice.consultationContact.email})`,
      consulted: `consulted ${notice.deniedBy.agencyId} at ${consultation?.consultedAt}${consultation?.reference ? ` (${consultation.reference})` : ''}`,
      expired: `expired at ${notice.expiresAt}`,
      withdrawn: 'withdrawn by the denying agency',
      superseded: `superseded by notice ${successor?.id}`,
      'not-yet-effective': `effective only from ${notice.deniedAt}`,
    };
    const match: DenialMatch = {
      notice,
      state,
      parties,
      codes,
      destination: notice.destination,
      explanation: `denial ${notice.id} by ${notice.deniedBy.country} ${notice.deniedBy.agencyId} (${notice.reasonCategory}) covers ${who}; codes ${what}; destination ${notice.destination}: ${why[state]}`,
    };
    if (consultation) match.consultation = consultation;
    out.push(match);
  }
  return out;
}

/**
 * The denials that block signing `license` at `at`: essentially identical transaction, active, not
 * expired, not withdrawn or superseded, and no recorded consultation with the denying agency.
 *
 * @example
 * const blocking = findBlockingDenials(notices, license, new Date(), license.consultations ?? []);
 * if (blocking.length > 0) refuseToSign(blocking.map((b) => b.explanation));
 */
export function findBlockingDenials(notices: readonly DenialNotice[], license: License, at: Date, consultations: readonly Consultation[] = []): DenialMatch[] {
  return matchDenials(notices, license, at, consultations).filter((m) => m.state === 'blocking');
}

/**
 * Findings for denial matches: DENIAL_BLOCKS_LICENSE (error) for blocking ones, DENIAL_CONSULTED
 * (warning) for consulted ones, at the first matching license party; other states report nothing.
 *
 * @example
 * const findings = denialFindings(matchDenials(notices, license, new Date(), consultations));
 */
export function denialFindings(matches: readonly DenialMatch[]): Finding[] {
  const out: Finding[] = [];
  for (const m of matches) {
    const path = m.parties[0]?.licensePath ?? '';
    if (m.state === 'blocking') out.push(finding('DENIAL_BLOCKS_LICENSE', path, m.explanation));
    else if (m.state === 'consulted') out.push(warning('DENIAL_CONSULTED', path, m.explanation));
  }
  return out;
}
