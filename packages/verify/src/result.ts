import type { Agency, Code, Finding, SignedKind } from '@xlic/core';

/** The outcome of one check in a verification. */
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'skip';

/** One check made during verification, in the order made. */
export interface Check {
  /** What was checked: parse, header, signature, chain, trust, issuer, schema, validity, status. */
  name: string;
  status: CheckStatus;
  /** Stable code (failures and warnings). */
  code?: Code;
  message: string;
  /** Index of the signature the check is about, for per-signature checks. */
  signature?: number;
}

/** What verification established about one signature. */
export interface SignatureReport {
  index: number;
  role: 'issuer' | 'countersigner' | 'signer';
  alg?: string;
  signingTime?: string;
  signer?: { subject: string; thumbprint: string; serialNumber: string; notAfter: string };
  /** The trusted root and the trust list (or PEM file) that vouched for it. */
  anchor?: { agency: Agency; subject: string; thumbprint: string; roles: string[]; source: string };
  valid: boolean;
}

/**
 * The verdict on one signed document. Verification never throws for a bad document:
 * everything wrong is a failed check with a code; `code` and `reason` repeat the first failure.
 */
export interface VerificationResult<T = unknown> {
  verdict: 'VALID' | 'INVALID';
  kind?: SignedKind;
  code?: Code;
  reason?: string;
  checks: Check[];
  signatures: SignatureReport[];
  /** Validation findings of the payload (errors and warnings). */
  findings: Finding[];
  /** The verified document (present also when INVALID but parseable, for reporting). */
  document?: T;
  /** SHA-256 of the payload bytes: what documentReference digests refer to. */
  payloadSha256?: string;
  /** For end-use declarations: whether the end-use country's authority certified it (only when VALID). */
  declaration?: { certified: boolean; certifiedBy?: Agency };
}

/** Collects checks and computes the verdict: fail-closed, the first failure names the verdict. */
export class CheckList {
  readonly checks: Check[] = [];

  pass(name: string, message: string, signature?: number): void {
    this.checks.push(signature === undefined ? { name, status: 'pass', message } : { name, status: 'pass', message, signature });
  }

  fail(name: string, code: Code, message: string, signature?: number): void {
    this.checks.push(signature === undefined ? { name, status: 'fail', code, message } : { name, status: 'fail', code, message, signature });
  }

  warn(name: string, code: Code, message: string, signature?: number): void {
    this.checks.push(signature === undefined ? { name, status: 'warn', code, message } : { name, status: 'warn', code, message, signature });
  }

  get failed(): boolean {
    return this.checks.some((c) => c.status === 'fail');
  }

  firstFailure(): Check | undefined {
    return this.checks.find((c) => c.status === 'fail');
  }
}
