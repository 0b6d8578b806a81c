import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkRules } from '../src/check-rules.js';
import { jpRules, readJson, rulesExample } from './fixtures.js';

interface Entry {
  file: string;
  description: string;
  expect: { valid: true } | { valid: false; codes: string[] };
}
const index = readJson<Entry[]>(rulesExample('index.json'));

describe('examples/rules/index.json', () => {
  it('covers every invalid example and every code of the rules checker', () => {
    const files = index.map((e) => e.file);
    for (const f of (readFileSync(rulesExample('index.json'), 'utf8').match(/invalid\/[a-z0-9-]+\.json/g) ?? [])) expect(files).toContain(f);
    const covered = new Set(index.flatMap((e) => ('codes' in e.expect ? e.expect.codes : [])));
    for (const c of ['RULE_OPERATOR_UNKNOWN', 'RULE_CONDITION_INVALID', 'RULE_CONDITION_TOO_DEEP', 'RULE_CONDITION_TOO_LARGE', 'RULE_VAR_PATH_INVALID', 'RULE_OUTCOME_INCONSISTENT', 'RULE_ID_DUPLICATE', 'RULES_THRESHOLDS_INVERTED', 'RULES_WINDOW_INVERTED']) expect(covered).toContain(c);
  });

  it.each(index)('$file: $description', ({ file, expect: want }) => {
    const r = checkRules(readJson(rulesExample(file)));
    if (want.valid) {
      expect(r.findings).toEqual([]);
      expect(r.valid).toBe(true);
      expect(r.document).toBeDefined();
    } else {
      expect(r.valid).toBe(false);
      expect(r.document).toBeUndefined();
      expect([...new Set(r.findings.map((f) => f.code))]).toEqual(want.codes);
    }
  });
});

describe('checkRules', () => {
  it('reports a non-object without throwing', () => {
    for (const doc of [null, [], 'rules', 42]) expect(checkRules(doc).findings.map((f) => f.code)).toEqual(['DOCUMENT_NOT_OBJECT']);
  });

  it('reports every problem at once, sorted by path', () => {
    const doc = jpRules() as unknown as { rules: Array<Record<string, unknown>> };
    doc.rules[0]!['condition'] = { xor: [] };
    doc.rules[3]!['outcome'] = { type: 'risk', reason: 'x' };
    doc.rules[5]!['id'] = 'bad id with spaces';
    const r = checkRules(doc);
    expect(r.findings.map((f) => [f.path, f.code])).toEqual([
      ['/rules/0/condition/xor', 'RULE_OPERATOR_UNKNOWN'],
      ['/rules/3/outcome', 'RULE_OUTCOME_INCONSISTENT'],
      ['/rules/5/id', 'SCHEMA_PATTERN'],
    ]);
  });

  it('replaces the schema findings inside a condition only where the condition checker found something', () => {
    const doc = jpRules() as unknown as { rules: Array<Record<string, unknown>> };
    doc.rules[1]!['condition'] = { '==': 'x' };
    expect(checkRules(doc).findings.map((f) => [f.path, f.code])).toEqual([['/rules/1/condition/==', 'RULE_CONDITION_INVALID']]);
  });

  it('checks the data-independent time fields', () => {
    const doc = jpRules();
    doc.nextUpdate = doc.issuedAt;
    expect(checkRules(doc).findings.map((f) => f.code)).toEqual(['NEXT_UPDATE_NOT_AFTER_ISSUE', 'RULES_WINDOW_INVERTED']);
  });

  it('honours tighter limits', () => {
    expect(checkRules(jpRules(), { maxDepth: 3 }).findings.map((f) => f.code)).toContain('RULE_CONDITION_TOO_DEEP');
    expect(checkRules(jpRules(), { maxNodes: 10 }).findings.map((f) => f.code)).toContain('RULE_CONDITION_TOO_LARGE');
  });
});
