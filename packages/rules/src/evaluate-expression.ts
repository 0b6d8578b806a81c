import { escapeToken } from '@xlic/core';
import type { Value } from './expression.js';
import { formatInstant, parseInstant, TIME_UNITS } from './instant.js';
import { isOperator, OPERATORS, type Operator } from './operators.js';
import { parseVarPath, readOwn } from './var-path.js';

/** Why a condition could not be evaluated; `path` points into the rules document. Internal to the evaluator. */
export class EvaluationError extends Error {
  override readonly name = 'EvaluationError';
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

/** Evaluation steps left: for this rule, and for the whole evaluation. */
export interface StepBudget {
  rule: number;
  total: { left: number };
}

interface Context {
  budget: StepBudget;
  maxDepth: number;
}

/** JavaScript-free truthiness: false, null, 0, "", [] and {} are falsy; everything else is truthy. */
export function truthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') {
    for (const k in v) if (Object.prototype.hasOwnProperty.call(v, k)) return true;
    return false;
  }
  return true;
}

const isPrimitive = (v: unknown): v is null | boolean | number | string => v === null || typeof v === 'boolean' || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
const describe = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : typeof v === 'string' ? `the string ${JSON.stringify(v.length > 30 ? `${v.slice(0, 27)}...` : v)}` : `${typeof v} ${String(v)}`);

/**
 * Evaluate a condition over `data`. Returns true or false; throws EvaluationError when the
 * condition is malformed, an operand has the wrong type, a limit is reached, or the value is not a boolean.
 */
export function evaluateCondition(condition: unknown, data: unknown, at: string, budget: StepBudget, maxDepth: number): boolean {
  const v = evaluate(condition, data, at, 1, { budget, maxDepth });
  if (typeof v !== 'boolean') throw new EvaluationError(`the condition evaluated to ${describe(v)}, not true or false`, at);
  return v;
}

function step(ctx: Context, path: string): void {
  if (--ctx.budget.rule < 0) throw new EvaluationError('the rule reached its evaluation step limit', path);
  if (--ctx.budget.total.left < 0) throw new EvaluationError('the evaluation reached its total step limit', path);
}

/** Normalise a value read from the data: undefined is null; non-JSON values are errors. */
function fromData(v: unknown, path: string): Value {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' && !Number.isFinite(v)) throw new EvaluationError(`the data holds a non-finite number`, path);
  if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') throw new EvaluationError(`the data holds a ${typeof v}, not a JSON value`, path);
  return v as Value;
}

function evaluate(node: unknown, scope: unknown, path: string, depth: number, ctx: Context): Value {
  step(ctx, path);
  if (node === null || typeof node === 'boolean' || typeof node === 'string') return node;
  if (typeof node === 'number') {
    if (!Number.isFinite(node)) throw new EvaluationError('not a finite number', path);
    return node;
  }
  if (typeof node !== 'object') throw new EvaluationError('not a JSON value', path);
  if (depth > ctx.maxDepth) throw new EvaluationError(`nested deeper than ${ctx.maxDepth} levels`, path);
  if (Array.isArray(node)) {
    const out: Value[] = [];
    for (let i = 0; i < node.length; i++) out.push(evaluate(node[i], scope, `${path}/${i}`, depth + 1, ctx));
    return out;
  }
  const keys = Object.keys(node);
  if (keys.length !== 1) throw new EvaluationError('an object in a condition must be exactly one operator', path);
  const op = keys[0]!;
  const at = `${path}/${escapeToken(op)}`;
  if (!isOperator(op)) throw new EvaluationError(`${JSON.stringify(op.slice(0, 40))} is not an operator`, at);
  const operand = readOwn(node, op);
  if (op === 'var') return readVar(operand, scope, at, ctx);
  const [min, max] = OPERATORS[op];
  if (!Array.isArray(operand) || operand.length < min || operand.length > max) throw new EvaluationError(`${op} takes ${min === max ? min : `${min} to ${max}`} operands`, at);
  return apply(op, operand, scope, at, depth, ctx);
}

function readVar(operand: unknown, scope: unknown, at: string, ctx: Context): Value {
  if (typeof operand !== 'string') throw new EvaluationError('var takes a path string', at);
  const parsed = parseVarPath(operand);
  if ('error' in parsed) throw new EvaluationError(parsed.error, at);
  let cur: unknown = scope;
  for (const s of parsed.segments) {
    step(ctx, at);
    cur = readOwn(cur, s);
    if (cur === undefined) return null;
  }
  return fromData(cur, at);
}

function apply(op: Exclude<Operator, 'var'>, args: unknown[], scope: unknown, at: string, depth: number, ctx: Context): Value {
  const ev = (i: number, s: unknown = scope): Value => evaluate(args[i], s, `${at}/${i}`, depth + 1, ctx);
  switch (op) {
    case '==':
    case '!=': {
      const [a, b] = [ev(0), ev(1)];
      if (!isPrimitive(a) || !isPrimitive(b)) throw new EvaluationError(`${op} compares null, booleans, numbers and strings, not ${describe(isPrimitive(a) ? b : a)}`, at);
      return op === '==' ? a === b : a !== b;
    }
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const [a, b] = [ev(0), ev(1)];
      if (typeof a !== 'number' || typeof b !== 'number') throw new EvaluationError(`${op} compares numbers, not ${describe(typeof a === 'number' ? b : a)}`, at);
      return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
    }
    case 'and':
      for (let i = 0; i < args.length; i++) if (!truthy(ev(i))) return false;
      return true;
    case 'or':
      for (let i = 0; i < args.length; i++) if (truthy(ev(i))) return true;
      return false;
    case '!':
      return !truthy(ev(0));
    case 'if':
      return truthy(ev(0)) ? ev(1) : ev(2);
    case 'in': {
      const needle = ev(0);
      const list = ev(1);
      if (!isPrimitive(needle)) throw new EvaluationError(`in looks for null, a boolean, a number or a string, not ${describe(needle)}`, at);
      if (!Array.isArray(list)) throw new EvaluationError(`in looks in an array, not ${describe(list)}`, at);
      for (let i = 0; i < list.length; i++) {
        step(ctx, at);
        if (readOwn(list, String(i)) === needle) return true;
      }
      return false;
    }
    case 'startsWith': {
      const text = ev(0);
      const prefixes = ev(1);
      if (text === null) return false;
      if (typeof text !== 'string') throw new EvaluationError(`startsWith takes a string, not ${describe(text)}`, at);
      const list = typeof prefixes === 'string' ? [prefixes] : prefixes;
      if (!Array.isArray(list)) throw new EvaluationError(`startsWith takes a prefix string or an array of them, not ${describe(prefixes)}`, at);
      for (const p of list) {
        step(ctx, at);
        if (typeof p !== 'string') throw new EvaluationError(`startsWith takes prefix strings, not ${describe(p)}`, at);
        if (text.startsWith(p)) return true;
      }
      return false;
    }
    case 'some':
    case 'all':
    case 'none':
    case 'filter':
    case 'map': {
      const arr = arrayOperand(op, ev(0), at);
      const out: Value[] = [];
      for (let i = 0; i < arr.length; i++) {
        step(ctx, at);
        const el = fromData(readOwn(arr, String(i)), at);
        const r = ev(1, el);
        if (op === 'some' && truthy(r)) return true;
        if ((op === 'all' && !truthy(r)) || (op === 'none' && truthy(r))) return false;
        if (op === 'filter' && truthy(r)) out.push(el);
        if (op === 'map') out.push(r);
      }
      return op === 'some' ? false : op === 'all' || op === 'none' ? true : out;
    }
    case 'count':
      return arrayOperand(op, ev(0), at).length;
    case 'sum': {
      const arr = arrayOperand(op, ev(0), at);
      let total = 0;
      for (let i = 0; i < arr.length; i++) {
        step(ctx, at);
        const v = readOwn(arr, String(i));
        if (typeof v !== 'number' || !Number.isFinite(v)) throw new EvaluationError(`sum adds numbers, not ${describe(v)}`, at);
        total += v;
      }
      if (!Number.isFinite(total)) throw new EvaluationError('the sum is not a finite number', at);
      return total;
    }
    case 'sumBy': {
      const arr = arrayOperand(op, ev(0), at);
      const totals = new Map<string, number>();
      for (let i = 0; i < arr.length; i++) {
        step(ctx, at);
        const el = fromData(readOwn(arr, String(i)), at);
        const key = ev(1, el);
        const value = ev(2, el);
        if (typeof key !== 'string') throw new EvaluationError(`sumBy groups by strings, not ${describe(key)}`, at);
        if (typeof value !== 'number') throw new EvaluationError(`sumBy adds numbers, not ${describe(value)}`, at);
        const total = (totals.get(key) ?? 0) + value;
        if (!Number.isFinite(total)) throw new EvaluationError('a sumBy total is not a finite number', at);
        totals.set(key, total);
      }
      return [...totals].map(([key, total]) => ({ key, total }));
    }
    case 'plusTime': {
      const [d, amount, unit] = [instantOperand(op, ev(0), at), ev(1), ev(2)];
      if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) throw new EvaluationError(`plusTime takes an integer amount, not ${describe(amount)}`, at);
      if (typeof unit !== 'string' || !Object.prototype.hasOwnProperty.call(TIME_UNITS, unit)) throw new EvaluationError(`plusTime takes the unit "day", "hour" or "minute", not ${describe(unit)}`, at);
      try {
        return formatInstant(d + amount * TIME_UNITS[unit as keyof typeof TIME_UNITS]);
      } catch (e) {
        throw new EvaluationError(`plusTime: ${(e as Error).message}`, at);
      }
    }
    case 'after':
    case 'before':
    case 'not-after':
    case 'not-before': {
      const [a, b] = [instantOperand(op, ev(0), at), instantOperand(op, ev(1), at)];
      return op === 'after' ? a > b : op === 'before' ? a < b : op === 'not-after' ? a <= b : a >= b;
    }
  }
}

function arrayOperand(op: string, v: Value, at: string): readonly Value[] {
  if (v === null) return [];
  if (!Array.isArray(v)) throw new EvaluationError(`${op} takes an array, not ${describe(v)}`, at);
  return v;
}

function instantOperand(op: string, v: Value, at: string): number {
  const ms = parseInstant(v);
  if (ms === undefined) throw new EvaluationError(`${op} takes RFC 3339 date-times with offset, not ${describe(v)}`, at);
  return ms;
}
