export { checkRules, type RulesCheck } from './check-rules.js';
export { checkCondition } from './check-condition.js';
export { evaluateRules, DEFAULT_RISK_THRESHOLDS } from './evaluate-rules.js';
export { checkRulesTime } from './rules-time.js';
export { outcomeChecks, type RulesCheckEntry } from './outcome-checks.js';
export { OPERATORS, DEFAULT_RULE_LIMITS, type Operator, type RuleLimits } from './operators.js';
export type { Expression, Value } from './expression.js';
export type {
  Escalation,
  FiredOutcome,
  RiskLevel,
  RuleData,
  RuleDeclaration,
  RuleOutcome,
  RuleResult,
  RuleSignature,
  RulesEvaluation,
} from './types.js';
