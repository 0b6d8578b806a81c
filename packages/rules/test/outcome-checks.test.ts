import { describe, expect, it } from 'vitest';
import { evaluateRules } from '../src/evaluate-rules.js';
import { outcomeChecks } from '../src/outcome-checks.js';
import { checkRulesTime } from '../src/rules-time.js';
import { jpRules, vectors } from './fixtures.js';

describe('outcomeChecks', () => {
  const rules = jpRules();
  const find = (pred: (v: ReturnType<typeof vectors>[number]) => boolean) => vectors().find(pred)!.input.data;

  it('makes a fail check per failed rule and no pass', () => {
    const checks = outcomeChecks(evaluateRules(rules, find((v) => v.expect.fired.includes('JP-CUS-003'))));
    expect(checks.map((c) => [c.status, c.code])).toEqual([
      ['fail', 'RULE_FAILED'],
      ['warn', 'RULE_ESCALATION'],
    ]);
    expect(checks[0]!.message).toMatch(/^JP-CUS-003 \[EUC-CERT-REQUIRED\]: No certified end-use declaration/);
    expect(checks[1]!.message).toMatch(/escalate to METI Security Export Control Policy Division .* by 2026-11-25T01:00:00Z \(within PT48H\)/);
  });

  it('makes warn checks for warnings and risks and a closing pass', () => {
    const checks = outcomeChecks(evaluateRules(rules, find((v) => v.expect.warnings.length > 0)));
    expect(checks.map((c) => [c.status, c.code ?? null])).toEqual([
      ['warn', 'RULE_WARNING'],
      ['warn', 'RULE_RISK'],
      ['pass', null],
    ]);
    expect(checks[1]!.message).toMatch(/risk \+20/);
    expect(checks[2]!.message).toBe('8 rules, 5 applicable, none failed; risk score 20 (low)');
  });

  it('reports evaluation errors as RULE_EVALUATION_ERROR', () => {
    const checks = outcomeChecks(evaluateRules(rules, find((v) => v.expect.errors.length > 0)));
    expect(checks[0]).toMatchObject({ status: 'fail', code: 'RULE_EVALUATION_ERROR' });
    expect(checks[0]!.message).toMatch(/could not be evaluated/);
  });
});

describe('checkRulesTime', () => {
  const rules = jpRules(); // validFrom 2026-11-20T00:00+09:00, nextUpdate 2027-02-20T00:00+09:00
  it('accepts the window, refuses early use and warns when stale', () => {
    expect(checkRulesTime(rules, '2026-11-23T09:00:00Z')).toEqual([]);
    expect(checkRulesTime(rules, '2026-11-19T14:59:59Z').map((f) => [f.code, f.severity])).toEqual([['RULES_NOT_YET_VALID', 'error']]);
    expect(checkRulesTime(rules, '2026-11-19T15:00:00Z')).toEqual([]);
    expect(checkRulesTime(rules, '2027-02-19T15:00:01Z').map((f) => [f.code, f.severity])).toEqual([['RULES_STALE', 'warning']]);
    expect(checkRulesTime(rules, 'tomorrow').map((f) => f.code)).toEqual(['RULES_INVALID']);
  });
});
