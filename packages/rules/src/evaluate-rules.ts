import { XlicError, type Rules } from '@xlic/core';
import { matchesAppliesTo } from './applies-to.js';
import { EvaluationError, evaluateCondition, type StepBudget } from './evaluate-expression.js';
import { formatInstant, parseDuration, parseInstant } from './instant.js';
import { DEFAULT_RULE_LIMITS, type RuleLimits } from './operators.js';
import type { RuleData, RuleOutcome, RuleResult, RulesEvaluation } from './types.js';
import { readOwn } from './var-path.js';

/** Risk levels when the document gives no riskThresholds: low below 30, medium from 30, high from 70. */
export const DEFAULT_RISK_THRESHOLDS = Object.freeze({ medium: 30, high: 70 });

const OUTCOME_TYPES = new Set(['fail', 'warn', 'risk', 'escalate']);

/**
 * Evaluate every rule of a rules document over one data object, in document order.
 *
 * Deterministic (the only clock is `data.verification.at`) and fail-closed: a rule whose filters or
 * condition cannot be evaluated (wrong data, malformed rule, step limit) counts as fired with a fail
 * outcome, code RULE_EVALUATION_ERROR. Never throws because of the data; throws XlicError
 * RULES_INVALID only when `rules` has no array of rules (check documents with checkRules first).
 *
 * @example
 * const rules = JSON.parse(readFileSync('examples/rules/jp-customs-rules.json', 'utf8'));
 * if (!checkRules(rules).valid) throw new Error('bad rules');
 * const r = evaluateRules(rules, { license, declarations: [], signatures: [{ role: 'issuer', agency: license.issuer }], verification: { at: '2026-11-23T09:00:00Z' } });
 * if (r.failed) console.log(r.failures.map((f) => `${f.ruleId}: ${f.reason}`));
 * console.log(r.riskScore, r.riskLevel, r.escalations);
 */
export function evaluateRules(rules: Rules, data: RuleData, limits: Partial<RuleLimits> = {}): RulesEvaluation {
  const lim = { ...DEFAULT_RULE_LIMITS, ...limits };
  const list = readOwn(rules, 'rules');
  if (!Array.isArray(list)) throw new XlicError('RULES_INVALID', 'the rules document has no array "rules"; check it with checkRules before evaluating');
  const total = { left: lim.maxStepsTotal };
  const license = guarded(() => readOwn(data, 'license'));
  const at = guarded(() => parseInstant(readOwn(readOwn(data, 'verification'), 'at')));

  const outcomes: RuleResult[] = [];
  for (let i = 0; i < list.length; i++) outcomes.push(evaluateRule(readOwn(list, String(i)), i, data, license, at, { rule: lim.maxStepsPerRule, total }, lim.maxDepth));
  return summarize(outcomes, thresholdsOf(rules));
}

/** The value of `read`, or undefined when reading hostile data throws (a proxy trap): the rules then fail closed. */
function guarded<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

function evaluateRule(rule: unknown, i: number, data: unknown, license: unknown, at: number | undefined, budget: StepBudget, maxDepth: number): RuleResult {
  const path = `/rules/${i}`;
  const id = readOwn(rule, 'id');
  const description = readOwn(rule, 'description');
  const base = { ruleId: typeof id === 'string' ? id : `#${i}`, description: typeof description === 'string' ? description : '' };
  try {
    if (rule === null || typeof rule !== 'object' || Array.isArray(rule)) throw new EvaluationError('the rule is not an object', path);
    const step = (): void => {
      if (--budget.rule < 0 || --budget.total.left < 0) throw new EvaluationError('the evaluation step limit was reached while matching appliesTo', `${path}/appliesTo`);
    };
    if (!matchesAppliesTo(readOwn(rule, 'appliesTo'), license, `${path}/appliesTo`, step)) return { ...base, applicable: false, fired: false };
    const outcome = outcomeOf(readOwn(rule, 'outcome'), `${path}/outcome`);
    if (!evaluateCondition(readOwn(rule, 'condition'), data, `${path}/condition`, budget, maxDepth)) return { ...base, applicable: true, fired: false };
    if (outcome.type !== 'escalate') return { ...base, applicable: true, fired: true, outcome };
    return { ...base, applicable: true, fired: true, outcome, deadline: deadlineOf(at, outcome.within!, `${path}/outcome/within`) };
  } catch (e) {
    const message = e instanceof EvaluationError ? e.message : `unexpected error: ${e instanceof Error ? e.message : String(e)}`;
    const where = e instanceof EvaluationError ? e.path : path;
    return {
      ...base,
      applicable: true,
      fired: true,
      outcome: { type: 'fail', code: 'RULE_EVALUATION_ERROR', reason: `rule ${base.ruleId} could not be evaluated (${where}): ${message}` },
      error: { code: 'RULE_EVALUATION_ERROR', message, path: where },
    };
  }
}

/** The escalation deadline: verification time + within, in UTC. */
function deadlineOf(at: number | undefined, within: string, path: string): string {
  if (at === undefined) throw new EvaluationError('data.verification.at is not an RFC 3339 date-time, so no escalation deadline can be set', path);
  try {
    return formatInstant(at + parseDuration(within)!);
  } catch (e) {
    throw new EvaluationError(`the escalation deadline ${(e as Error).message}`, path);
  }
}

/** A copy of the rule's outcome with only its known fields, or EvaluationError when it is inconsistent. */
function outcomeOf(o: unknown, path: string): RuleOutcome {
  const type = readOwn(o, 'type');
  const reason = readOwn(o, 'reason');
  if (typeof type !== 'string' || !OUTCOME_TYPES.has(type)) throw new EvaluationError('the outcome type is not fail, warn, risk or escalate', path);
  if (typeof reason !== 'string') throw new EvaluationError('the outcome has no reason', path);
  const out: RuleOutcome = { type: type as RuleOutcome['type'], reason };
  const code = readOwn(o, 'code');
  if (code !== undefined) {
    if (typeof code !== 'string') throw new EvaluationError('the outcome code is not a string', path);
    out.code = code;
  }
  if (type === 'risk') {
    const score = readOwn(o, 'score');
    if (typeof score !== 'number' || !Number.isSafeInteger(score) || score < 1) throw new EvaluationError('a risk outcome needs a positive integer score', path);
    out.score = score;
  }
  if (type === 'escalate') {
    const unit = readOwn(o, 'unit');
    const within = readOwn(o, 'within');
    if (typeof unit !== 'string' || unit === '') throw new EvaluationError('an escalate outcome needs a unit', path);
    if (parseDuration(within) === undefined) throw new EvaluationError('an escalate outcome needs within, an ISO 8601 duration such as PT24H', path);
    out.unit = unit;
    out.within = within as string;
  }
  return out;
}

function thresholdsOf(rules: unknown): { medium: number; high: number } {
  const t = readOwn(rules, 'riskThresholds');
  const medium = readOwn(t, 'medium');
  const high = readOwn(t, 'high');
  return typeof medium === 'number' && typeof high === 'number' && Number.isFinite(medium) && Number.isFinite(high) && medium < high ? { medium, high } : { ...DEFAULT_RISK_THRESHOLDS };
}

function summarize(outcomes: RuleResult[], riskThresholds: { medium: number; high: number }): RulesEvaluation {
  const result: RulesEvaluation = { outcomes, failed: false, failures: [], warnings: [], risks: [], riskScore: 0, riskLevel: 'low', riskThresholds, escalations: [] };
  for (const r of outcomes) {
    const o = r.outcome;
    if (!r.fired || !o) continue;
    const fired = o.code === undefined ? { ruleId: r.ruleId, reason: o.reason } : { ruleId: r.ruleId, code: o.code, reason: o.reason };
    if (o.type === 'fail') result.failures.push(fired);
    else if (o.type === 'warn') result.warnings.push(fired);
    else if (o.type === 'risk') {
      result.risks.push({ ...fired, score: o.score! });
      result.riskScore += o.score!;
    } else if (r.deadline !== undefined) result.escalations.push({ ruleId: r.ruleId, unit: o.unit!, within: o.within!, deadline: r.deadline, reason: o.reason, ...(o.code === undefined ? {} : { code: o.code }) });
  }
  result.failed = result.failures.length > 0;
  result.riskLevel = result.riskScore >= riskThresholds.high ? 'high' : result.riskScore >= riskThresholds.medium ? 'medium' : 'low';
  return result;
}
