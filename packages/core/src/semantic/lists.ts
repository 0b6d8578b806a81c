import { finding, type Finding } from '../finding.js';
import type { StatusList, TrustList } from '../generated/types.js';
import { pointer } from '../pointer.js';
import { instant } from './dates.js';

function nextUpdateAfterIssue(doc: { issuedAt: string; nextUpdate: string }): Finding[] {
  return instant(doc.nextUpdate) <= instant(doc.issuedAt) ? [finding('NEXT_UPDATE_NOT_AFTER_ISSUE', '/nextUpdate', `/nextUpdate ${doc.nextUpdate} must be after issuedAt ${doc.issuedAt}`)] : [];
}

/** Rules JSON Schema cannot express, for a schema-valid trust list. */
export function checkTrustList(doc: TrustList): Finding[] {
  const out = nextUpdateAfterIssue(doc);
  doc.entries.forEach((e, i) => {
    if (instant(e.validUntil) <= instant(e.validFrom)) out.push(finding('TRUST_ENTRY_WINDOW_INVERTED', pointer('entries', i, 'validUntil'), `/entries/${i}/validUntil must be after validFrom`));
  });
  return out;
}

/** Rules JSON Schema cannot express, for a schema-valid status list. */
export function checkStatusList(doc: StatusList): Finding[] {
  const out = nextUpdateAfterIssue(doc);
  const seen = new Map<string, number>();
  doc.entries.forEach((e, i) => {
    if (e.status === 'amended' && !e.successor) out.push(finding('STATUS_SUCCESSOR_MISSING', pointer('entries', i), `/entries/${i} has status amended but names no successor`));
    const prev = seen.get(e.licenseId);
    if (prev !== undefined) out.push(finding('STATUS_DUPLICATE_ENTRY', pointer('entries', i, 'licenseId'), `/entries/${i}/licenseId ${e.licenseId} already has a status at /entries/${prev}`));
    else seen.set(e.licenseId, i);
  });
  return out;
}
