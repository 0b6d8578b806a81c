import { XlicError, validateDocument, type Agency, type EndUseDeclaration, type License, type Party } from '@xlic/core';
import type { Check, VerificationResult } from './result.js';
import { applyRules, withChecks, type LoadedRules, type RulesReport } from './rules.js';
import type { TrustContext } from './trust-context.js';
import { verifyDocument, type VerifyOptions } from './verify-document.js';

/** The verdict on a dossier: the license's verdict extended with every declaration and link. */
export interface DossierResult extends VerificationResult {
  dossier: {
    declarations: Array<{ index: number; id?: string; verdict: 'VALID' | 'INVALID'; code?: string; reason?: string; certified: boolean; certifiedBy?: Agency; referenced: boolean }>;
  };
  rules?: RulesReport[];
}

const fold = (s: string): string => s.normalize('NFKC').toLocaleLowerCase('en').replace(/[\s.,]+/g, ' ').trim();

/** Same legal person: a shared registered identifier, or the same legal name (any script given). */
export function sameParty(a: Party, b: Party): boolean {
  const ids = new Set((a.identifiers ?? []).map((i) => `${i.scheme}:${i.value.toUpperCase()}`));
  if ((b.identifiers ?? []).some((i) => ids.has(`${i.scheme}:${i.value.toUpperCase()}`))) return true;
  const names = new Set([a.legalName, a.legalNameLatin].filter((n): n is string => !!n).map(fold));
  return [b.legalName, b.legalNameLatin].some((n) => n !== undefined && names.has(fold(n)));
}

/**
 * Verify a shipment dossier (docs/SPEC.md IV.2): the license and every declaration as signed documents,
 * then every link — each referenced declaration present with the referenced SHA-256, made by one of the
 * license's end users, for a destination of the license, covering every licensed item line in quantity —
 * then the jurisdiction's rules over all of it. Never throws for a bad dossier.
 *
 * @example
 * const r = await verifyDossier(JSON.parse(text), ctx, { rules });
 */
export async function verifyDossier(dossier: unknown, ctx: TrustContext, options: VerifyOptions & { rules?: readonly LoadedRules[] } = {}): Promise<DossierResult> {
  const v = validateDocument(dossier, 'dossier');
  if (!v.valid || !v.document) {
    const f = v.findings.find((x) => x.severity === 'error')!;
    throw new XlicError(f.code, `not a valid dossier: ${f.message}`);
  }
  const d = v.document;
  const license = await verifyDocument(d.license, ctx, { ...options, expect: 'license' });
  const declared = await Promise.all(d.declarations.map((text) => verifyDocument(text, ctx, { ...options, expect: 'end-use-declaration' })));
  const checks: Check[] = [...license.checks];
  const doc = license.document as License | undefined;
  const refs = doc && license.kind === 'license' ? doc.endUseDeclarations ?? [] : [];
  const idOf = (r: VerificationResult): string | undefined => ((r.document as { id?: unknown } | undefined)?.id as string | undefined) ?? undefined;

  const summary: DossierResult['dossier']['declarations'] = declared.map((r, index) => {
    const id = idOf(r);
    const entry: DossierResult['dossier']['declarations'][number] = { index, verdict: r.verdict, certified: r.declaration?.certified ?? false, referenced: refs.some((x) => x.id === id) };
    if (id) entry.id = id;
    if (r.code) entry.code = r.code;
    if (r.reason) entry.reason = r.reason;
    if (r.declaration?.certifiedBy) entry.certifiedBy = r.declaration.certifiedBy;
    return entry;
  });

  const usable: Array<{ document: EndUseDeclaration; certified: boolean; certifiedBy?: Agency }> = [];
  for (const ref of refs) {
    const matches = declared.filter((r) => idOf(r) === ref.id);
    if (matches.length === 0) {
      checks.push({ name: 'dossier', status: 'fail', code: 'DOSSIER_DECLARATION_MISSING', message: `the license relies on end-use declaration ${ref.id}, which is not in the dossier` });
      continue;
    }
    const r = matches.find((m) => m.payloadSha256 === ref.sha256);
    if (!r) {
      checks.push({ name: 'dossier', status: 'fail', code: 'DOSSIER_DECLARATION_DIGEST_MISMATCH', message: `declaration ${ref.id} in the dossier is not the one the license references (SHA-256 ${matches[0]!.payloadSha256?.slice(0, 16)}…, expected ${ref.sha256.slice(0, 16)}…)` });
      continue;
    }
    if (r.verdict !== 'VALID') {
      checks.push({ name: 'dossier', status: 'fail', code: 'DOSSIER_DECLARATION_INVALID', message: `declaration ${ref.id} is INVALID: ${r.reason} [${r.code}]` });
      continue;
    }
    const decl = r.document as EndUseDeclaration;
    checks.push({ name: 'dossier', status: 'pass', message: `declaration ${ref.id} by ${decl.declarant.legalNameLatin ?? decl.declarant.legalName} verified and matches its digest${r.declaration?.certified ? `, certified by ${r.declaration.certifiedBy?.agencyId} (${r.declaration.certifiedBy?.country})` : ', not certified'}` });
    usable.push(r.declaration?.certifiedBy ? { document: decl, certified: r.declaration.certified, certifiedBy: r.declaration.certifiedBy } : { document: decl, certified: r.declaration?.certified ?? false });
  }
  for (const s of summary) if (!s.referenced) checks.push({ name: 'dossier', status: 'warn', code: 'DOSSIER_DECLARATION_UNREFERENCED', message: `declaration ${s.id ?? `#${s.index + 1}`} is in the dossier but the license does not reference it` });

  if (doc && usable.length) checks.push(...coverage(doc, usable.map((u) => u.document)));

  let result: DossierResult = { ...withChecks(license, checks), dossier: { declarations: summary } };
  if (options.rules?.length) result = applyRules(result, options.rules, usable, ctx.at) as DossierResult;
  return result;
}

/** Do the referenced declarations cover the license's end users, destinations, items and quantities? */
function coverage(license: License, declarations: EndUseDeclaration[]): Check[] {
  const out: Check[] = [];
  for (const d of declarations) {
    if (!license.endUsers.some((u) => sameParty(u, d.declarant))) out.push({ name: 'dossier', status: 'fail', code: 'DECLARATION_NOT_END_USER', message: `declaration ${d.id} is made by ${d.declarant.legalNameLatin ?? d.declarant.legalName}, who is not an end user of the license` });
    if (!license.destinations.includes(d.endUse.location.country)) out.push({ name: 'dossier', status: 'fail', code: 'DECLARATION_COUNTRY_NOT_DESTINATION', message: `declaration ${d.id} places the end use in ${d.endUse.location.country}, not a destination of the license (${license.destinations.join(', ')})` });
  }
  const uncovered: string[] = [];
  for (const item of license.items) {
    const codes = new Set(item.classifications.map((c) => c.code));
    let covered = 0;
    for (const d of declarations) {
      for (const di of d.items) {
        const sameGoods = (di.classifications ?? []).some((c) => codes.has(c.code)) || (di.hsCode !== undefined && di.hsCode.slice(0, 6) === item.hsCode.slice(0, 6));
        if (sameGoods && di.quantity.unit === item.quantity.unit) covered += di.quantity.value;
      }
    }
    if (covered < item.quantity.value) uncovered.push(`line ${item.line} (${[...codes].join('/')}, ${item.quantity.value} ${item.quantity.unit}: ${covered} ${item.quantity.unit} declared)`);
  }
  if (uncovered.length) out.push({ name: 'dossier', status: 'fail', code: 'DECLARATION_ITEMS_NOT_COVERED', message: `the end-use declarations do not cover ${uncovered.join('; ')}` });
  else out.push({ name: 'dossier', status: 'pass', message: `every item line is covered by end-use declarations in quantity` });
  return out;
}
