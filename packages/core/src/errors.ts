import type { Code } from './codes.js';
import type { Finding } from './finding.js';

/**
 * The one error type xlic libraries throw. `code` is stable API (docs/errors.md);
 * foreign errors (ajv, jose, x509, pdf-lib) are wrapped with the original as `cause`.
 *
 * Verdicts are not errors: verifying or validating a bad document returns a result.
 * XlicError is for input that cannot be processed at all, and for programmer mistakes.
 *
 * @example
 * try { parseJson(bytes) } catch (e) { if (e instanceof XlicError && e.code === 'JSON_SYNTAX') … }
 */
export class XlicError extends Error {
  override readonly name = 'XlicError';
  readonly code: Code;
  /** JSON Pointer of the offending place, when there is one. */
  readonly path: string | undefined;
  /** Validation findings behind the error (e.g. why a document may not be signed). */
  readonly findings: readonly Finding[] | undefined;

  constructor(code: Code, message: string, options: { cause?: unknown; path?: string; findings?: readonly Finding[] } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.path = options.path;
    this.findings = options.findings;
  }
}

/** True when `e` is an XlicError (also across package copies, by shape). */
export function isXlicError(e: unknown): e is XlicError {
  return e instanceof XlicError || (e instanceof Error && e.name === 'XlicError' && typeof (e as { code?: unknown }).code === 'string');
}
