import type { Code } from '@xlic/core';
import type { RulesEvaluation } from './types.js';

/** One verification check for the rules, shaped like @xlic/verify's Check. */
export interface RulesCheckEntry {
  name: 'rules';
  status: 'pass' | 'fail' | 'warn';
  code?: Code;
  message: string;
}

/**
 * Turn an evaluation into verification checks, in rule order: a fail for each failed or unevaluable
 * rule (RULE_FAILED / RULE_EVALUATION_ERROR), a warn for each warning, risk and escalation
 * (RULE_WARNING / RULE_RISK / RULE_ESCALATION), and a pass summing up when nothing failed.
 *
 * @example
 * for (const c of outcomeChecks(evaluateRules(rules, data))) checks.push(c);
 */
export function outcomeChecks(evaluation: RulesEvaluation): RulesCheckEntry[] {
  const out: RulesCheckEntry[] = [];
  const tag = (code: string | undefined): string => (code === undefined ? '' : ` [${code}]`);
  for (const r of evaluation.outcomes) {
    const o = r.outcome;
    if (!r.fired || !o) continue;
    if (r.error) out.push({ name: 'rules', status: 'fail', code: 'RULE_EVALUATION_ERROR', message: `${r.ruleId}: ${o.reason}` });
    else if (o.type === 'fail') out.push({ name: 'rules', status: 'fail', code: 'RULE_FAILED', message: `${r.ruleId}${tag(o.code)}: ${o.reason}` });
    else if (o.type === 'warn') out.push({ name: 'rules', status: 'warn', code: 'RULE_WARNING', message: `${r.ruleId}${tag(o.code)}: ${o.reason}` });
    else if (o.type === 'risk') out.push({ name: 'rules', status: 'warn', code: 'RULE_RISK', message: `${r.ruleId}${tag(o.code)}: risk +${o.score}: ${o.reason}` });
    else out.push({ name: 'rules', status: 'warn', code: 'RULE_ESCALATION', message: `${r.ruleId}${tag(o.code)}: escalate to ${o.unit} by ${r.deadline} (within ${o.within}): ${o.reason}` });
  }
  if (!evaluation.failed) {
    const applicable = evaluation.outcomes.filter((r) => r.applicable).length;
    out.push({ name: 'rules', status: 'pass', message: `${evaluation.outcomes.length} rules, ${applicable} applicable, none failed; risk score ${evaluation.riskScore} (${evaluation.riskLevel})` });
  }
  return out;
}
