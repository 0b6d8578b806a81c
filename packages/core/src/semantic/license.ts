import { finding, type Finding } from '../finding.js';
import type { License } from '../generated/types.js';
import { pointer } from '../pointer.js';
import { instant } from './dates.js';
import { checkParty } from './party.js';

const EXCEPTIONAL_TYPES = new Set(['humanitarian-exemption', 'emergency-temporary']);

/** Rules JSON Schema cannot express, for a schema-valid license. */
export function checkLicense(doc: License): Finding[] {
  const out: Finding[] = [];
  const from = instant(doc.validity.validFrom);
  const until = instant(doc.validity.validUntil);
  if (until <= from) out.push(finding('VALIDITY_WINDOW_INVERTED', '/validity/validUntil', `/validity/validUntil ${doc.validity.validUntil} must be after validFrom ${doc.validity.validFrom}`));
  if (instant(doc.issuedAt) > until) out.push(finding('ISSUED_AFTER_EXPIRY', '/issuedAt', `/issuedAt ${doc.issuedAt} is after the license expires (${doc.validity.validUntil})`));

  const exceptional = EXCEPTIONAL_TYPES.has(doc.licenseType);
  if (exceptional && !doc.exceptional) out.push(finding('EXCEPTIONAL_BLOCK_MISSING', '/licenseType', `a ${doc.licenseType} license needs an "exceptional" block with justification, decision deadline and review date`));
  if (!exceptional && doc.exceptional) out.push(finding('EXCEPTIONAL_BLOCK_FORBIDDEN', '/exceptional', `/exceptional is only allowed on humanitarian-exemption and emergency-temporary licenses, not ${doc.licenseType}`));
  if (doc.exceptional) {
    const x = doc.exceptional;
    if (instant(x.decisionDeadline) <= instant(x.requestedAt)) out.push(finding('DECISION_DEADLINE_BEFORE_REQUEST', '/exceptional/decisionDeadline', `/exceptional/decisionDeadline ${x.decisionDeadline} must be after requestedAt ${x.requestedAt}`));
    const review = instant(x.reviewDate);
    if (review <= instant(doc.issuedAt) || review > until) out.push(finding('REVIEW_DATE_OUT_OF_WINDOW', '/exceptional/reviewDate', `/exceptional/reviewDate ${x.reviewDate} must be after issuedAt and not after validUntil`));
  }

  const lines = new Map<number, number>();
  doc.items.forEach((item, i) => {
    const prev = lines.get(item.line);
    if (prev !== undefined) out.push(finding('DUPLICATE_ITEM_LINE', pointer('items', i, 'line'), `/items/${i}/line ${item.line} repeats the line number of /items/${prev}`));
    else lines.set(item.line, i);
  });

  const destinations = new Set(doc.destinations);
  const mustBeDestination = (country: string, path: string, who: string): void => {
    if (!destinations.has(country as never)) out.push(finding('PARTY_COUNTRY_NOT_DESTINATION', path, `${path} ${country} (${who}) is not among the destinations ${doc.destinations.join(', ')}`));
  };
  mustBeDestination(doc.consignee.country, '/consignee/country', 'consignee');
  doc.endUsers.forEach((u, i) => mustBeDestination(u.country, pointer('endUsers', i, 'country'), 'end user'));

  if (doc.supersedes && doc.supersedes.id === doc.id) out.push(finding('SUPERSEDES_ITSELF', '/supersedes/id', `/supersedes/id names the license itself (${doc.id})`));
  const refs = new Map<string, number>();
  doc.endUseDeclarations?.forEach((r, i) => {
    if (refs.has(r.id)) out.push(finding('DUPLICATE_DECLARATION_REFERENCE', pointer('endUseDeclarations', i, 'id'), `/endUseDeclarations/${i}/id ${r.id} is referenced twice`));
    refs.set(r.id, i);
  });

  out.push(...checkParty(doc.exporter, '/exporter'), ...checkParty(doc.consignee, '/consignee'));
  doc.endUsers.forEach((p, i) => out.push(...checkParty(p, pointer('endUsers', i))));
  doc.intermediateConsignees?.forEach((p, i) => out.push(...checkParty(p, pointer('intermediateConsignees', i))));
  return out;
}
