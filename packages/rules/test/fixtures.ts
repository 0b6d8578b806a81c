import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Rules } from '@xlic/core';
import type { RuleData } from '../src/types.js';

/** Absolute path of a file under the repository's examples/rules/ folder. */
export const rulesExample = (rel: string): string => fileURLToPath(new URL(`../../../examples/rules/${rel}`, import.meta.url));
export const readJson = <T = unknown>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
export const jpRules = (): Rules => readJson<Rules>(rulesExample('jp-customs-rules.json'));

/** One vector of examples/rules/vectors.json. */
export interface RulesVector {
  description: string;
  input: { rules: string; data: RuleData };
  expect: {
    failed: boolean;
    fired: string[];
    errors: string[];
    riskScore: number;
    riskLevel: 'low' | 'medium' | 'high';
    warnings: string[];
    escalations: Array<{ ruleId: string; within: string; deadline: string }>;
  };
}
export const vectors = (): RulesVector[] => readJson<RulesVector[]>(rulesExample('vectors.json'));
