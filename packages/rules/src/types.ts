import type { Agency, Code, EndUseDeclaration, License } from '@xlic/core';

/** One end-use declaration presented with the license, as verified. */
export interface RuleDeclaration {
  document: EndUseDeclaration;
  /** True when its certification verified under a root trusted as declaration-certifier. */
  certified: boolean;
  /** The certifying authority, when certified. */
  certifiedBy?: Agency;
}

/** One valid signature on the license. */
export interface RuleSignature {
  role: 'issuer' | 'countersigner';
  agency: Agency;
}

/**
 * The data object conditions see (`$defs/ruleData` in schemas/rules.schema.json), built by the
 * verifier from verified documents.
 */
export interface RuleData {
  license: License;
  declarations: RuleDeclaration[];
  signatures: RuleSignature[];
  verification: {
    /** RFC 3339 verification time: rules are evaluated at this instant; escalation deadlines count from it. */
    at: string;
  };
}

/** What follows when a rule fires (as in the rules document). */
export interface RuleOutcome {
  type: 'fail' | 'warn' | 'risk' | 'escalate';
  /** The publisher's code, or RULE_EVALUATION_ERROR when the rule could not be evaluated. */
  code?: string;
  reason: string;
  score?: number;
  unit?: string;
  within?: string;
}

/** The result of one rule, in document order. */
export interface RuleResult {
  ruleId: string;
  description: string;
  /** The appliesTo filters matched (true also when evaluating them failed). */
  applicable: boolean;
  /** The condition was true, or the rule could not be evaluated (fail-closed). */
  fired: boolean;
  /** The outcome, when fired. */
  outcome?: RuleOutcome;
  /** For a fired escalation: verification time + within, RFC 3339 in UTC. */
  deadline?: string;
  /** Why the rule could not be evaluated; its outcome is then a fail with code RULE_EVALUATION_ERROR. */
  error?: { code: Extract<Code, 'RULE_EVALUATION_ERROR'>; message: string; path: string };
}

/** A fired fail, warn or risk outcome, for reporting. */
export interface FiredOutcome {
  ruleId: string;
  code?: string;
  reason: string;
}

/** A fired escalation with its deadline (verification time + within). */
export interface Escalation {
  ruleId: string;
  unit: string;
  within: string;
  /** RFC 3339 instant in UTC. */
  deadline: string;
  reason: string;
  code?: string;
}

export type RiskLevel = 'low' | 'medium' | 'high';

/** The outcome of evaluating a rules document over one data object. */
export interface RulesEvaluation {
  /** Every rule, in document order. */
  outcomes: RuleResult[];
  /** True when a fail outcome fired or a rule could not be evaluated. */
  failed: boolean;
  failures: FiredOutcome[];
  warnings: FiredOutcome[];
  risks: Array<FiredOutcome & { score: number }>;
  /** Sum of the scores of the fired risk outcomes. */
  riskScore: number;
  riskLevel: RiskLevel;
  /** The thresholds used: from the document, or the defaults. */
  riskThresholds: { medium: number; high: number };
  escalations: Escalation[];
}
