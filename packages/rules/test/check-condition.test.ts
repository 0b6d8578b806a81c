import type { Code } from '@xlic/core';
import { describe, expect, it } from 'vitest';
import { checkCondition } from '../src/check-condition.js';
import { OPERATORS } from '../src/operators.js';

const codes = (c: unknown, limits = {}): Code[] => checkCondition(c, '/c', limits).map((f) => f.code);

describe('checkCondition', () => {
  it('accepts a well-formed use of every operator', () => {
    const v = { var: 'license.id' };
    const t = '2026-11-23T09:00:00Z';
    const uses: Record<string, unknown> = {
      var: 'license.id',
      '==': [v, 'x'],
      '!=': [v, null],
      '<': [1, 2],
      '<=': [v, 2],
      '>': [v, 2],
      '>=': [1, v],
      and: [true],
      or: [false, v],
      '!': [v],
      if: [v, true, false],
      in: [v, ['a', 'b']],
      startsWith: [v, ['30', '90']],
      some: [v, true],
      all: [null, v],
      none: [v, { var: '' }],
      filter: [v, true],
      map: [v, { var: 'x' }],
      count: [v],
      sum: [[1, 2]],
      sumBy: [v, { var: 'k' }, { var: 'v' }],
      plusTime: [t, -48, 'hour'],
      after: [v, t],
      before: [t, v],
      'not-after': [v, v],
      'not-before': [t, t],
    };
    expect(Object.keys(uses).sort()).toEqual(Object.keys(OPERATORS).sort());
    for (const [op, operand] of Object.entries(uses)) expect(codes({ [op]: operand }), op).toEqual([]);
  });

  it('reports unknown operators, including prototype names', () => {
    for (const op of ['xor', 'eval', '__proto__', 'toString', 'constructor', 'substr', 'reduce']) {
      const c = JSON.parse(`{"and": [{${JSON.stringify(op)}: [1]}]}`);
      expect(codes(c), op).toEqual(['RULE_OPERATOR_UNKNOWN']);
    }
  });

  it('reports malformed operator objects, arities and literal types', () => {
    const cases: unknown[] = [
      true,
      'x',
      [{ '==': [1, 1] }],
      { '==': [1] },
      { '==': [1, 2, 3] },
      { '==': 1 },
      { and: [] },
      { '!': [1, 2] },
      { if: [1, 2] },
      { var: ['license'] },
      { and: [{}] },
      { and: [{ '==': [1, 1], '!=': [1, 2] }] },
      { '<': [1, 'x'] },
      { after: ['2026-11-23', '2026-11-23T09:00:00Z'] },
      { some: ['abc', true] },
      { in: ['a', 'abc'] },
      { startsWith: ['a', 1] },
      { startsWith: ['a', ['b', 2]] },
      { plusTime: ['2026-11-23T09:00:00Z', 1, 'month'] },
      { plusTime: ['2026-11-23T09:00:00Z', 1.5, 'day'] },
      { plusTime: ['2026-11-23T09:00:00Z', { var: 'n' }, 'day'] },
      { plusTime: ['2026-11-23T09:00:00Z', 100001, 'day'] },
      { plusTime: ['yesterday', 1, 'day'] },
    ];
    for (const c of cases) expect(codes(c), JSON.stringify(c)).toContain('RULE_CONDITION_INVALID');
  });

  it('reports invalid var paths', () => {
    for (const p of ['license.__proto__', 'constructor', 'a.prototype.b', 'a..b', '.a', 'a.', 'a b', 'a.'.repeat(17) + 'a', 'x'.repeat(201)]) {
      expect(codes({ '==': [{ var: p }, 1] }), p).toEqual(['RULE_VAR_PATH_INVALID']);
    }
  });

  it('bounds depth and size', () => {
    let c: unknown = { '==': [1, 1] };
    for (let i = 0; i < 15; i++) c = { '!': [c] };
    expect(codes(c)).toEqual([]); // 16 levels
    expect(codes({ '!': [c] })).toEqual(['RULE_CONDITION_TOO_DEEP']);
    expect(codes({ '!': [c] }, { maxDepth: 17 })).toEqual([]);
    // nested literal lists count as levels too
    let list: unknown = 1;
    for (let i = 0; i < 20; i++) list = [list];
    expect(codes({ in: [1, list] })).toEqual(['RULE_CONDITION_TOO_DEEP']);
    const wide = { in: [1, Array.from({ length: 997 }, (_, i) => i)] };
    expect(codes(wide)).toEqual([]); // 1 + 1 + 1 + 997 = 1000 nodes
    expect(codes({ in: [1, Array.from({ length: 998 }, (_, i) => i)] })).toEqual(['RULE_CONDITION_TOO_LARGE']);
  });

  it('stops early on a hostile, very deep structure without overflowing the stack', () => {
    let c: unknown = true;
    for (let i = 0; i < 100_000; i++) c = { '!': [c] };
    expect(codes(c)).toEqual(['RULE_CONDITION_TOO_DEEP']);
  });

  it('gives JSON Pointers into the condition', () => {
    const [f] = checkCondition({ and: [true, { 'a/b': [1] }] }, '/rules/2/condition');
    expect(f?.path).toBe('/rules/2/condition/and/1/a~1b');
  });
});
