import { describe, expect, it } from 'vitest';
import { EvaluationError, evaluateCondition, truthy } from '../src/evaluate-expression.js';

const budget = (rule = 100_000) => ({ rule, total: { left: 1_000_000 } });
/** The primitive an expression evaluates to, found by comparing it with == to known candidates. */
function evalRaw(expr: unknown, data: unknown): unknown {
  for (const candidate of CANDIDATES) if (evaluateCondition({ '==': [expr, candidate] }, data, '', budget(), 16)) return candidate;
  return '<other>';
}
const CANDIDATES: unknown[] = [true, false, null, 0, 1, 2, 3, 5, 6, 10, 1300000, 'a', 'b', 'X', '2026-11-25T09:00:00Z', '2026-11-21T09:00:00Z', '2026-11-23T08:59:00Z'];
const cond = (c: unknown, data: unknown = {}): boolean => evaluateCondition(c, data, '/c', budget(), 16);
const fails = (c: unknown, data: unknown = {}): string => {
  try {
    evaluateCondition(c, data, '/c', budget(), 16);
  } catch (e) {
    expect(e).toBeInstanceOf(EvaluationError);
    return (e as EvaluationError).message;
  }
  throw new Error('expected an evaluation error');
};

const data = {
  license: {
    licenseType: 'individual',
    destinations: ['HK', 'SG'],
    items: [
      { hsCode: '845710', value: { amount: 700000, currency: 'USD' }, classifications: [{ code: '2B001.b.2' }] },
      { hsCode: '300490', value: { amount: 600000, currency: 'USD' }, classifications: [] },
      { hsCode: '901819', value: { amount: 45000, currency: 'SGD' }, classifications: [] },
    ],
    exceptional: { requestedAt: '2026-11-21T09:00:00Z', reviewDate: '2026-11-23T09:00:00+01:00' },
  },
  verification: { at: '2026-11-23T09:00:00Z' },
};

describe('truthiness', () => {
  it('treats false, null, 0, "", [] and {} as falsy and everything else as truthy', () => {
    for (const v of [false, null, 0, '', [], {}]) expect(truthy(v)).toBe(false);
    for (const v of [true, 1, -1, 'x', [0], { a: null }, '0', 'false']) expect(truthy(v)).toBe(true);
    expect(cond({ '!': [[]] })).toBe(true);
    expect(cond({ '!': [{ var: 'license.exceptional' }] }, { license: { exceptional: {} } })).toBe(true);
  });
});

describe('operators', () => {
  it('var reads own properties and array indexes; missing values are null', () => {
    expect(cond({ '==': [{ var: 'license.licenseType' }, 'individual'] }, data)).toBe(true);
    expect(cond({ '==': [{ var: 'license.destinations.1' }, 'SG'] }, data)).toBe(true);
    expect(cond({ '==': [{ var: 'license.destinations.2' }, null] }, data)).toBe(true);
    expect(cond({ '==': [{ var: 'license.nothing.deeper' }, null] }, data)).toBe(true);
    expect(cond({ '==': [{ var: 'license.destinations.01' }, null] }, data)).toBe(true);
    expect(cond({ '==': [{ count: [{ var: '' }] }, 2] }, ['a', 'b'])).toBe(true);
  });

  it('== and != compare primitives without conversion', () => {
    expect(cond({ '==': [1, 1] })).toBe(true);
    expect(cond({ '==': [1, '1'] })).toBe(false);
    expect(cond({ '==': [0, false] })).toBe(false);
    expect(cond({ '==': [null, null] })).toBe(true);
    expect(cond({ '!=': ['a', 'b'] })).toBe(true);
    expect(cond({ '!=': [true, true] })).toBe(false);
    expect(fails({ '==': [{ var: 'license.destinations' }, 'HK'] }, data)).toMatch(/compares null, booleans, numbers and strings/);
  });

  it('<, <=, >, >= compare numbers only', () => {
    expect(cond({ '<': [1, 2] })).toBe(true);
    expect(cond({ '<': [2, 2] })).toBe(false);
    expect(cond({ '<=': [2, 2] })).toBe(true);
    expect(cond({ '>': [3, 2] })).toBe(true);
    expect(cond({ '>': [2, 2] })).toBe(false);
    expect(cond({ '>=': [2, 2] })).toBe(true);
    expect(cond({ '>=': [1, 2] })).toBe(false);
    expect(fails({ '<': ['1', 2] })).toMatch(/compares numbers/);
    expect(fails({ '>': [{ var: 'missing' }, 2] })).toMatch(/not null/);
  });

  it('and / or short-circuit and return booleans', () => {
    expect(cond({ and: [true, 1, 'x'] })).toBe(true);
    expect(cond({ and: [true, 0] })).toBe(false);
    expect(cond({ or: [false, null, 'x'] })).toBe(true);
    expect(cond({ or: [false, ''] })).toBe(false);
    // the erroring second operand is never evaluated
    expect(cond({ and: [false, { '<': ['x', 1] }] })).toBe(false);
    expect(cond({ or: [true, { '<': ['x', 1] }] })).toBe(true);
    expect(fails({ and: [true, { '<': ['x', 1] }] })).toMatch(/compares numbers/);
  });

  it('! negates truthiness', () => {
    expect(cond({ '!': [false] })).toBe(true);
    expect(cond({ '!': ['x'] })).toBe(false);
  });

  it('if evaluates only the chosen branch', () => {
    expect(cond({ if: [true, true, { '<': ['x', 1] }] })).toBe(true);
    expect(cond({ if: [0, { '<': ['x', 1] }, false] })).toBe(false);
  });

  it('in looks for a primitive in an array', () => {
    expect(cond({ in: ['HK', ['AE', 'HK']] })).toBe(true);
    expect(cond({ in: ['JP', ['AE', 'HK']] })).toBe(false);
    expect(cond({ in: [1, ['1']] })).toBe(false);
    expect(cond({ in: [{ var: 'license.destinations.0' }, { var: 'license.destinations' }] }, data)).toBe(true);
    expect(fails({ in: ['H', 'HK'] })).toMatch(/looks in an array/);
    expect(fails({ in: [['HK'], [['HK']]] })).toMatch(/looks for null/);
  });

  it('startsWith takes one prefix or a list; null text is false', () => {
    expect(cond({ startsWith: ['2B001.b.2', '2B001'] })).toBe(true);
    expect(cond({ startsWith: ['2B00', '2B001'] })).toBe(false);
    expect(cond({ startsWith: ['901819', ['30', '90']] })).toBe(true);
    expect(cond({ startsWith: ['851762', ['30', '90']] })).toBe(false);
    expect(cond({ startsWith: ['abc', 'ABC'] })).toBe(false);
    expect(cond({ startsWith: [{ var: 'missing' }, 'x'] })).toBe(false);
    expect(fails({ startsWith: [12, '1'] })).toMatch(/takes a string/);
    expect(fails({ startsWith: ['12', [1]] })).toMatch(/prefix strings/);
  });

  it('some / all / none use the element as scope, with mathematical results on empty arrays', () => {
    expect(cond({ some: [{ var: 'license.items' }, { startsWith: [{ var: 'hsCode' }, '30'] }] }, data)).toBe(true);
    expect(cond({ all: [{ var: 'license.items' }, { startsWith: [{ var: 'hsCode' }, '30'] }] }, data)).toBe(false);
    expect(cond({ all: [{ var: 'license.items' }, { '>': [{ var: 'value.amount' }, 0] }] }, data)).toBe(true);
    expect(cond({ none: [{ var: 'license.items' }, { '==': [{ var: 'value.currency' }, 'EUR'] }] }, data)).toBe(true);
    expect(cond({ some: [[], true] })).toBe(false);
    expect(cond({ all: [[], false] })).toBe(true);
    expect(cond({ none: [[], true] })).toBe(true);
    // a missing optional array is empty
    expect(cond({ some: [{ var: 'license.intermediateConsignees' }, true] }, data)).toBe(false);
    expect(cond({ all: [{ var: 'license.intermediateConsignees' }, false] }, data)).toBe(true);
    expect(fails({ some: ['abc', true] })).toMatch(/takes an array/);
  });

  it('filter, map and count', () => {
    expect(cond({ '==': [{ count: [{ filter: [{ var: 'license.items' }, { '==': [{ var: 'value.currency' }, 'USD'] }] }] }, 2] }, data)).toBe(true);
    expect(cond({ in: ['SGD', { map: [{ var: 'license.items' }, { var: 'value.currency' }] }] }, data)).toBe(true);
    expect(cond({ '==': [{ count: [{ var: 'missing' }] }, 0] }, data)).toBe(true);
    expect(cond({ '==': [{ count: [{ var: 'license.items' }] }, 3] }, data)).toBe(true);
    expect(fails({ count: [{ var: 'license.licenseType' }] }, data)).toMatch(/count takes an array/);
  });

  it('sum adds numbers; sumBy totals per key in order of first appearance', () => {
    expect(cond({ '==': [{ sum: [{ map: [{ var: 'license.items' }, { var: 'value.amount' }] }] }, 1345000] }, data)).toBe(true);
    expect(cond({ '==': [{ sum: [[]] }, 0] })).toBe(true);
    expect(fails({ sum: [['1']] })).toMatch(/sum adds numbers/);
    const totals = { sumBy: [{ var: 'license.items' }, { var: 'value.currency' }, { var: 'value.amount' }] };
    expect(cond({ '==': [{ var: 'verification.at' }, '2026-11-23T09:00:00Z'] }, data)).toBe(true);
    expect(cond({ '==': [{ count: [totals] }, 2] }, data)).toBe(true);
    expect(cond({ some: [totals, { and: [{ '==': [{ var: 'key' }, 'USD'] }, { '==': [{ var: 'total' }, 1300000] }] }] }, data)).toBe(true);
    expect(cond({ some: [totals, { and: [{ '==': [{ var: 'key' }, 'SGD'] }, { '==': [{ var: 'total' }, 45000] }] }] }, data)).toBe(true);
    expect(cond({ '==': [{ var: 'key' }, 'USD'] }, { key: 'USD' })).toBe(true);
    expect(fails({ sumBy: [{ var: 'xs' }, { var: 'k' }, { var: 'v' }] }, { xs: [{ k: 1, v: 1 }] })).toMatch(/groups by strings/);
    expect(fails({ sumBy: [{ var: 'xs' }, { var: 'k' }, { var: 'v' }] }, { xs: [{ k: 'a', v: 'x' }] })).toMatch(/adds numbers/);
    expect(fails({ sumBy: [[{ k: 'a' }], { var: 'k' }, 1] })).toMatch(/"k" is not an operator/);
  });

  it('plusTime adds fixed-length units and returns UTC', () => {
    expect(evalRaw({ plusTime: ['2026-11-23T09:00:00Z', 2, 'day'] }, {})).toBe('2026-11-25T09:00:00Z');
    expect(evalRaw({ plusTime: ['2026-11-23T10:00:00+01:00', 48, 'hour'] }, {})).toBe('2026-11-25T09:00:00Z');
    expect(evalRaw({ plusTime: ['2026-11-23T09:01:00Z', -2, 'minute'] }, {})).toBe('2026-11-23T08:59:00Z');
    expect(cond({ '==': [{ plusTime: ['2026-11-23T09:00:00.5Z', 0, 'hour'] }, '2026-11-23T09:00:00.500Z'] })).toBe(true);
    expect(cond({ '==': [{ plusTime: [{ var: 'license.exceptional.requestedAt' }, 48, 'hour'] }, '2026-11-23T09:00:00Z'] }, data)).toBe(true);
    expect(fails({ after: [{ plusTime: ['2026-11-23', 1, 'day'] }, '2026-11-23T09:00:00Z'] })).toMatch(/RFC 3339/);
    expect(fails({ after: [{ plusTime: ['2026-11-23T09:00:00Z', 1, 'month'] }, '2026-11-23T09:00:00Z'] })).toMatch(/unit/);
    expect(fails({ after: [{ plusTime: ['2026-11-23T09:00:00Z', 1.5, 'day'] }, '2026-11-23T09:00:00Z'] })).toMatch(/integer amount/);
    expect(fails({ after: [{ plusTime: ['9999-12-31T09:00:00Z', 1, 'day'] }, '2026-11-23T09:00:00Z'] })).toMatch(/outside years/);
  });

  it('after, before, not-after, not-before compare instants across offsets', () => {
    const a = '2026-11-23T10:00:00+01:00'; // 09:00Z
    const same = '2026-11-23T09:00:00Z';
    const later = '2026-11-23T09:00:01Z';
    expect(cond({ after: [later, a] })).toBe(true);
    expect(cond({ after: [same, a] })).toBe(false);
    expect(cond({ before: [a, later] })).toBe(true);
    expect(cond({ before: [a, same] })).toBe(false);
    expect(cond({ 'not-after': [a, same] })).toBe(true);
    expect(cond({ 'not-after': [later, a] })).toBe(false);
    expect(cond({ 'not-before': [a, same] })).toBe(true);
    expect(cond({ 'not-before': [a, later] })).toBe(false);
    expect(cond({ after: [{ var: 'verification.at' }, { var: 'license.exceptional.reviewDate' }] }, data)).toBe(true);
    expect(fails({ after: ['2026-02-30T00:00:00Z', same] })).toMatch(/RFC 3339/);
    expect(fails({ after: ['2026-11-23T09:00:00', same] })).toMatch(/RFC 3339/);
    expect(fails({ after: [{ var: 'missing' }, same] })).toMatch(/not null/);
  });
});

describe('evaluation errors', () => {
  it('requires the condition to be true or false', () => {
    expect(fails({ var: 'license.licenseType' }, data)).toMatch(/evaluated to the string "individual", not true or false/);
    expect(fails({ count: [[]] })).toMatch(/not true or false/);
  });

  it('rejects malformed expressions met at run time', () => {
    expect(fails({ xor: [true, false] })).toMatch(/not an operator/);
    expect(fails({ '==': [1] })).toMatch(/takes 2 operands/);
    expect(fails({ and: [{}] })).toMatch(/exactly one operator/);
    expect(fails({ var: 3 })).toMatch(/path string/);
    expect(fails({ '==': [{ var: 'license.__proto__' }, null] })).toMatch(/not allowed/);
    expect(fails({ toString: [] })).toMatch(/not an operator/);
  });

  it('stops at the step limit', () => {
    const c = { some: [{ var: 'xs' }, false] };
    expect(evaluateCondition(c, { xs: new Array(1000).fill(0) }, '', budget(5000), 16)).toBe(false);
    expect(() => evaluateCondition(c, { xs: new Array(1000).fill(0) }, '', budget(500), 16)).toThrow(/step limit/);
    expect(() => evaluateCondition(c, { xs: new Array(1000).fill(0) }, '', { rule: 1e9, total: { left: 100 } }, 16)).toThrow(/total step limit/);
  });

  it('stops at the depth limit', () => {
    let deep: unknown = true;
    for (let i = 0; i < 20; i++) deep = { '!': [deep] };
    expect(() => evaluateCondition(deep, {}, '', budget(), 16)).toThrow(/deeper than 16/);
    expect(evaluateCondition(deep, {}, '', budget(), 32)).toBe(true);
  });

  it('reports where in the rules document the error is', () => {
    try {
      evaluateCondition({ and: [true, { '<': ['x', 1] }] }, {}, '/rules/4/condition', budget(), 16);
    } catch (e) {
      expect((e as EvaluationError).path).toBe('/rules/4/condition/and/1/<');
    }
    expect.assertions(1);
  });
});
