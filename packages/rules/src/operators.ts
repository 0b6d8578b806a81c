/**
 * The operator set of xlic rule conditions (schemaVersion 1.0). One table, read by the checker
 * (`check-condition.ts`) and the evaluator (`evaluate-expression.ts`); semantics in docs/SPEC.md.
 */

/** Arity of an operator whose operand is an array: [min, max] operands. `var` takes a path string instead. */
export const OPERATORS = {
  var: null,
  '==': [2, 2],
  '!=': [2, 2],
  '<': [2, 2],
  '<=': [2, 2],
  '>': [2, 2],
  '>=': [2, 2],
  and: [1, 64],
  or: [1, 64],
  '!': [1, 1],
  if: [3, 3],
  in: [2, 2],
  startsWith: [2, 2],
  some: [2, 2],
  all: [2, 2],
  none: [2, 2],
  filter: [2, 2],
  map: [2, 2],
  count: [1, 1],
  sum: [1, 1],
  sumBy: [3, 3],
  plusTime: [3, 3],
  after: [2, 2],
  before: [2, 2],
  'not-after': [2, 2],
  'not-before': [2, 2],
} as const satisfies Record<string, readonly [number, number] | null>;

export type Operator = keyof typeof OPERATORS;

/** Operators whose operands after the first are evaluated once per element, with the element as scope. */
export const ITERATING = new Set<Operator>(['some', 'all', 'none', 'filter', 'map', 'sumBy']);

/** True when `name` is an operator of the set (own keys only: "__proto__" and "toString" are not operators). */
export function isOperator(name: string): name is Operator {
  return Object.prototype.hasOwnProperty.call(OPERATORS, name);
}

/** Limits on conditions and their evaluation (docs/SPEC.md, rules: limits). */
export interface RuleLimits {
  /** Deepest nesting of operators and literal arrays in a condition. */
  maxDepth: number;
  /** Most nodes (operators, literals, literal arrays) in one condition. */
  maxNodes: number;
  /** Most evaluation steps for one rule; more is an evaluation error. */
  maxStepsPerRule: number;
  /** Most evaluation steps for all rules together; rules after the budget is spent fail with an evaluation error. */
  maxStepsTotal: number;
}

export const DEFAULT_RULE_LIMITS: Readonly<RuleLimits> = Object.freeze({
  maxDepth: 16,
  maxNodes: 1000,
  maxStepsPerRule: 100_000,
  maxStepsTotal: 2_000_000,
});
