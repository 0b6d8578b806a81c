import { finding, escapeToken, type Code, type Finding } from '@xlic/core';
import { parseInstant, TIME_UNITS } from './instant.js';
import { DEFAULT_RULE_LIMITS, isOperator, OPERATORS, type Operator, type RuleLimits } from './operators.js';
import { parseVarPath } from './var-path.js';

/** Largest |amount| of a plusTime (100,000 days is about 274 years). */
export const MAX_PLUS_TIME_AMOUNT = 100_000;

const NUMERIC = new Set<Operator>(['<', '<=', '>', '>=']);
const TEMPORAL = new Set<Operator>(['after', 'before', 'not-after', 'not-before']);
const ARRAY_FIRST = new Set<Operator>(['some', 'all', 'none', 'filter', 'map', 'count', 'sum', 'sumBy']);

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
/** A literal is anything but an operator object or a literal list (whose elements are expressions). */
const isLiteral = (v: unknown): boolean => v === null || typeof v !== 'object';
const show = (v: unknown): string => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
};

/**
 * Check a rule condition without evaluating it: every object is exactly one known operator with
 * operands of the right number and, where they are literals, of the right type; `var` paths are
 * valid; nesting and size are within the limits. Returns findings with paths below `at`.
 *
 * @example
 * checkCondition({ '>': [{ var: 'license.items.0.value.amount' }, 1000000] }, '/rules/0/condition'); // []
 */
export function checkCondition(condition: unknown, at: string, limits: Partial<RuleLimits> = {}): Finding[] {
  const { maxDepth, maxNodes } = { ...DEFAULT_RULE_LIMITS, ...limits };
  const out: Finding[] = [];
  let nodes = 0;
  let tooLarge = false;
  const add = (code: Code, path: string, message: string): void => void out.push(finding(code, path, message));

  if (!isPlainObject(condition)) {
    add('RULE_CONDITION_INVALID', at, `${at} must be an operator object such as {"==": [...]}, not ${show(condition)}`);
    return out;
  }

  const walk = (node: unknown, path: string, depth: number): void => {
    if (tooLarge) return;
    if (++nodes > maxNodes) {
      tooLarge = true;
      add('RULE_CONDITION_TOO_LARGE', at, `${at} has more than ${maxNodes} nodes`);
      return;
    }
    if (isLiteral(node)) {
      if (typeof node === 'number' && !Number.isFinite(node)) add('RULE_CONDITION_INVALID', path, `${path} is not a finite number`);
      else if (typeof node !== 'number' && typeof node !== 'string' && typeof node !== 'boolean' && node !== null) add('RULE_CONDITION_INVALID', path, `${path} is not a JSON value`);
      return;
    }
    if (depth > maxDepth) {
      add('RULE_CONDITION_TOO_DEEP', path, `${path} is nested deeper than ${maxDepth} levels`);
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((el, i) => walk(el, `${path}/${i}`, depth + 1));
      return;
    }
    const keys = Object.keys(node as object);
    if (keys.length !== 1) {
      add('RULE_CONDITION_INVALID', path, `${path} must be exactly one operator, not an object with ${keys.length === 0 ? 'no keys' : `keys ${keys.slice(0, 5).join(', ')}`}`);
      return;
    }
    const op = keys[0]!;
    const opPath = `${path}/${escapeToken(op)}`;
    if (!isOperator(op)) {
      add('RULE_OPERATOR_UNKNOWN', opPath, `${opPath}: ${show(op)} is not an operator of xlic rules 1.0`);
      return;
    }
    const operand = (node as Record<string, unknown>)[op];
    if (op === 'var') {
      if (typeof operand !== 'string') {
        add('RULE_CONDITION_INVALID', opPath, `${opPath} must be a path string`);
        return;
      }
      const parsed = parseVarPath(operand);
      if ('error' in parsed) add('RULE_VAR_PATH_INVALID', opPath, `${opPath}: ${parsed.error}`);
      return;
    }
    const [min, max] = OPERATORS[op];
    if (!Array.isArray(operand) || operand.length < min || operand.length > max) {
      const want = min === max ? `${min}` : `${min} to ${max}`;
      add('RULE_CONDITION_INVALID', opPath, `${opPath} must be an array of ${want} operand${max === 1 ? '' : 's'}`);
      return;
    }
    checkLiterals(op, operand, opPath, add);
    operand.forEach((el, i) => walk(el, `${opPath}/${i}`, depth + 1));
  };
  walk(condition, at, 1);
  return out;
}

/** Type checks of literal operands (operands computed at run time are checked when evaluated). */
function checkLiterals(op: Operator, operands: unknown[], path: string, add: (code: Code, path: string, message: string) => void): void {
  const bad = (i: number, want: string): void => add('RULE_CONDITION_INVALID', `${path}/${i}`, `${path}/${i} must be ${want}, not ${show(operands[i])}`);
  operands.forEach((v, i) => {
    if (!isLiteral(v)) return;
    if (NUMERIC.has(op) && typeof v !== 'number') bad(i, 'a number');
    if (TEMPORAL.has(op) && parseInstant(v) === undefined) bad(i, 'an RFC 3339 date-time with offset');
    if (ARRAY_FIRST.has(op) && i === 0 && v !== null) bad(i, 'an array (or null)');
    if (op === 'in' && i === 1) bad(i, 'an array');
    if (op === 'startsWith' && i === 1 && typeof v !== 'string') bad(i, 'a prefix string or an array of them');
    if (op === 'plusTime' && i === 0 && parseInstant(v) === undefined) bad(i, 'an RFC 3339 date-time with offset');
  });
  if (op === 'plusTime') {
    const [, amount, unit] = operands;
    if (!Number.isSafeInteger(amount) || Math.abs(amount as number) > MAX_PLUS_TIME_AMOUNT) bad(1, `an integer literal from -${MAX_PLUS_TIME_AMOUNT} to ${MAX_PLUS_TIME_AMOUNT}`);
    if (typeof unit !== 'string' || !Object.prototype.hasOwnProperty.call(TIME_UNITS, unit)) bad(2, `one of the literals ${Object.keys(TIME_UNITS).map((u) => `"${u}"`).join(', ')}`);
  }
  if (op === 'startsWith' && Array.isArray(operands[1])) {
    (operands[1] as unknown[]).forEach((p, j) => {
      if (isLiteral(p) && typeof p !== 'string') add('RULE_CONDITION_INVALID', `${path}/1/${j}`, `${path}/1/${j} must be a prefix string, not ${show(p)}`);
    });
  }
}
