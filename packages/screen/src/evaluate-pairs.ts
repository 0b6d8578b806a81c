import type { Address, Party } from '@xlic/core';
import type { EntryName, ScreeningList } from './documents.js';
import { buildScreeningIndex } from './screening-index.js';
import { screenParty } from './screen-party.js';

/** One labelled pair of the evaluation set (examples/screening/eval-pairs.json). */
export interface EvalPair {
  listed: { names: EntryName[] };
  candidate: { legalName: string; legalNameLatin?: string };
  match: boolean;
  note: string;
}

/** Measured quality on an evaluation set. */
export interface EvalReport {
  pairs: number;
  matches: number;
  nonMatches: number;
  /** Share of true matches that were hits. */
  recall: number;
  /** Share of non-matches that were hits. */
  falseHitRate: number;
  missed: EvalPair[];
  falseHits: EvalPair[];
}

const AT = new Date('2026-11-23T00:00:00Z');
const ADDRESS: Address = { lines: ['-'], city: '-' };

/**
 * Screen each candidate against a list holding only its listed entry and count hits: recall over the
 * true matches, false-hit rate over the look-alikes.
 *
 * @example
 * const r = evaluatePairs(JSON.parse(text).pairs);
 * console.log(r.recall, r.falseHitRate);
 */
export function evaluatePairs(pairs: readonly EvalPair[], threshold?: number): EvalReport {
  const missed: EvalPair[] = [];
  const falseHits: EvalPair[] = [];
  for (const pair of pairs) {
    const list: ScreeningList = {
      documentType: 'screening-list',
      schemaVersion: '1.0',
      id: 'eval',
      publisher: { country: 'DE', agencyId: 'EVAL', name: 'Evaluation' },
      sequence: 1,
      issuedAt: '2026-11-01T00:00:00Z',
      nextUpdate: '2026-12-01T00:00:00Z',
      policy: { onHit: 'fail' },
      entries: [{ id: 'E1', names: pair.listed.names, reason: 'evaluation', legalBasis: 'evaluation', listedAt: '2026-01-01T00:00:00Z' }],
    };
    const index = buildScreeningIndex([{ list, source: 'eval' }], AT, threshold === undefined ? {} : { threshold });
    const party: Party = { legalName: pair.candidate.legalName, address: ADDRESS, country: 'DE' };
    if (pair.candidate.legalNameLatin) party.legalNameLatin = pair.candidate.legalNameLatin;
    const hit = screenParty(index, party).length > 0;
    if (pair.match && !hit) missed.push(pair);
    if (!pair.match && hit) falseHits.push(pair);
  }
  const matches = pairs.filter((p) => p.match).length;
  const nonMatches = pairs.length - matches;
  return {
    pairs: pairs.length,
    matches,
    nonMatches,
    recall: matches === 0 ? 1 : (matches - missed.length) / matches,
    falseHitRate: nonMatches === 0 ? 0 : falseHits.length / nonMatches,
    missed,
    falseHits,
  };
}
