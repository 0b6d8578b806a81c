import { XlicError, detectKind, isXlicError, parseJson, type Agency, type EndUseDeclaration, type License, type Rules } from '@xlic/core';
import { checkRules, checkRulesTime, evaluateRules, outcomeChecks, type RuleData, type RulesEvaluation } from '@xlic/rules';
import type { Check, VerificationResult } from './result.js';
import type { NamedText, TrustContext } from './trust-context.js';
import { verifyDocument } from './verify-document.js';

/** A jurisdiction's rules, verified (signed under a rules-publisher root) and checked. */
export interface LoadedRules {
  rules: Rules;
  source: string;
  notices: Check[];
}

/**
 * Load signed jurisdiction rules: each must be a JWS (an unsigned rules file is refused: RULES_UNSIGNED)
 * that verifies under a root trusted as rules-publisher for its publisher, and pass checkRules
 * (RULES_REJECTED with the exact reason otherwise). Rules not yet valid are refused; stale ones noted.
 */
export async function loadRules(texts: NamedText[], ctx: TrustContext): Promise<LoadedRules[]> {
  const out: LoadedRules[] = [];
  for (const t of texts) {
    const trimmed = t.text.trim();
    if (trimmed.startsWith('{')) {
      let doc: unknown;
      try {
        doc = parseJson(trimmed);
      } catch {
        doc = undefined;
      }
      if (detectKind(doc) === 'rules') throw new XlicError('RULES_UNSIGNED', `${t.name}: rules must be signed by their publisher (xlic sign); an unsigned rules file is never applied`);
    }
    const r = await verifyDocument(trimmed, ctx, { expect: 'rules' });
    if (r.verdict !== 'VALID') throw new XlicError('RULES_REJECTED', `${t.name}: ${r.reason} [${r.code}]`);
    const check = checkRules(r.document);
    const firstError = check.findings.find((f) => f.severity === 'error');
    if (!check.valid || !check.document || firstError) throw new XlicError('RULES_REJECTED', `${t.name}: ${firstError?.message ?? 'invalid rules'} [${firstError?.code ?? 'RULES_INVALID'}]`);
    const notices: Check[] = [];
    for (const f of checkRulesTime(check.document, ctx.at.toISOString())) {
      if (f.severity === 'error') throw new XlicError('RULES_REJECTED', `${t.name}: ${f.message} [${f.code}]`);
      notices.push({ name: 'rules', status: 'warn', code: f.code, message: `${t.name}: ${f.message}` });
    }
    out.push({ rules: check.document, source: `${t.name} (${check.document.id} #${check.document.sequence}, ${check.document.publisher.agencyId} ${check.document.publisher.country})`, notices });
  }
  return out;
}

/** What the rules saw and decided, attached to a verdict. */
export interface RulesReport {
  source: string;
  riskScore: number;
  riskLevel: string;
  escalations: RulesEvaluation['escalations'];
  fired: string[];
}

/**
 * Apply every loaded rules document to a verified license (and the declarations that came with it),
 * adding one check per fired rule to the result and recomputing the verdict (a fired `fail` rule
 * makes it INVALID; warnings, risk and escalations are reported).
 */
export function applyRules(result: VerificationResult, rulesList: readonly LoadedRules[], declarations: ReadonlyArray<{ document: EndUseDeclaration; certified: boolean; certifiedBy?: Agency }>, at: Date): VerificationResult & { rules?: RulesReport[] } {
  if (rulesList.length === 0 || result.kind !== 'license' || !result.document) return result;
  const data: RuleData = {
    license: result.document as License,
    declarations: declarations.map((d) => (d.certifiedBy ? { document: d.document, certified: d.certified, certifiedBy: d.certifiedBy } : { document: d.document, certified: d.certified })),
    signatures: result.signatures.filter((s) => s.valid && s.anchor).map((s) => ({ role: s.role === 'countersigner' ? 'countersigner' : 'issuer', agency: s.anchor!.agency })),
    verification: { at: at.toISOString().replace(/\.\d{3}Z$/, 'Z') },
  };
  const checks = [...result.checks];
  const reports: RulesReport[] = [];
  for (const loaded of rulesList) {
    checks.push(...loaded.notices);
    let evaluation: RulesEvaluation;
    try {
      evaluation = evaluateRules(loaded.rules, data);
    } catch (e) {
      if (!isXlicError(e)) throw e;
      checks.push({ name: 'rules', status: 'fail', code: 'RULE_EVALUATION_ERROR', message: `${loaded.source}: ${e.message}` });
      continue;
    }
    for (const c of outcomeChecks(evaluation)) checks.push({ ...c, message: `${c.message} (${loaded.rules.id})` } as Check);
    reports.push({ source: loaded.source, riskScore: evaluation.riskScore, riskLevel: evaluation.riskLevel, escalations: evaluation.escalations, fired: evaluation.outcomes.filter((o) => o.fired).map((o) => o.ruleId) });
  }
  return { ...withChecks(result, checks), rules: reports };
}

/** A copy of `result` with `checks`, its verdict, code and reason recomputed (fail-closed). */
export function withChecks<T extends VerificationResult>(result: T, checks: Check[], extra: Partial<T> = {}): T {
  const failure = checks.find((c) => c.status === 'fail');
  const r = { ...result, ...extra, checks, verdict: failure ? 'INVALID' : 'VALID' } as T;
  if (failure) {
    r.code = failure.code!;
    r.reason = failure.message;
  } else {
    delete r.code;
    delete r.reason;
  }
  return r;
}

