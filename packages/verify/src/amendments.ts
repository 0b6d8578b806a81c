import type { License } from '@xlic/core';
import type { VerificationResult } from './result.js';
import { withChecks } from './rules.js';

/** What amendment resolution needs to know of one valid license. */
export interface LicenseRecord {
  id: string;
  issuer: { country: string; agencyId: string };
  supersedes?: { id: string; sha256: string };
  issuedAt: string;
  sha256: string;
}

/** The record of a verified license, or undefined for anything else. */
export function licenseRecord(r: VerificationResult): LicenseRecord | undefined {
  if (r.kind !== 'license' || r.verdict !== 'VALID' || !r.payloadSha256) return undefined;
  const l = r.document as License;
  return l.supersedes ? { id: l.id, issuer: l.issuer, supersedes: l.supersedes, issuedAt: l.issuedAt, sha256: r.payloadSha256 } : { id: l.id, issuer: l.issuer, issuedAt: l.issuedAt, sha256: r.payloadSha256 };
}

/** For each record superseded by another in the set (same issuer, id and SHA-256 named), its successor. */
export function findSuperseded(records: ReadonlyArray<LicenseRecord | undefined>): Map<number, LicenseRecord> {
  const bySha = new Map<string, number>();
  records.forEach((r, i) => r && bySha.set(`${r.issuer.country}:${r.issuer.agencyId}:${r.id}:${r.sha256}`, i));
  const out = new Map<number, LicenseRecord>();
  for (const r of records) {
    if (!r?.supersedes) continue;
    const i = bySha.get(`${r.issuer.country}:${r.issuer.agencyId}:${r.supersedes.id}:${r.supersedes.sha256}`);
    if (i !== undefined) out.set(i, r);
  }
  return out;
}

/**
 * Given verdicts on several licenses, decide which are in force: a valid license that another valid
 * license of the same issuer supersedes (its `supersedes` names this one's id and payload SHA-256) is
 * INVALID with LICENSE_SUPERSEDED naming its successor; the successor notes the amendment.
 * Returns new results in the same order; nothing changes when no amendment links them.
 */
export function resolveAmendments<T extends VerificationResult>(results: readonly T[]): T[] {
  const records = results.map(licenseRecord);
  const superseded = findSuperseded(records);
  const successors = new Set([...superseded.values()]);
  return results.map((r, i) => {
    const by = superseded.get(i);
    if (by) return withChecks(r, [...r.checks, { name: 'amendment', status: 'fail', code: 'LICENSE_SUPERSEDED', message: `superseded by license ${by.id} of ${by.issuer.agencyId} (${by.issuer.country}), issued ${by.issuedAt}, which is the one in force` }]);
    const mine = records[i];
    if (mine && successors.has(mine)) return withChecks(r, [...r.checks, { name: 'amendment', status: 'warn', code: 'LICENSE_AMENDED', message: `amends license ${mine.supersedes!.id}, which it replaces` }]);
    return r;
  });
}
