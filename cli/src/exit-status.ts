import { classOf, type Code } from '@xlic/core';

/** Documented exit statuses (docs/cli.md). The one table that maps codes to statuses. */
export const EXIT = {
  /** Everything checked is valid. */
  OK: 0,
  /** At least one document is invalid (a verdict, not a failure of the program). */
  INVALID: 1,
  /** Usage error, or an input that could not be read or is not a document. */
  USAGE_OR_INPUT: 2,
  /** An unexpected internal error (a bug): reported in one line, never a stack trace unless XLIC_DEBUG=1. */
  INTERNAL: 3,
} as const;

/** The exit status a code leads to. */
export function exitStatusFor(code: Code): number {
  switch (classOf(code)) {
    case 'invalid':
      return EXIT.INVALID;
    case 'input':
    case 'usage':
      return EXIT.USAGE_OR_INPUT;
    default:
      return EXIT.OK; // warnings never fail a command on their own
  }
}

/** Combine statuses of several inputs: input errors outrank invalid documents, which outrank OK. */
export function worstStatus(statuses: Iterable<number>): number {
  let worst: number = EXIT.OK;
  for (const s of statuses) if (rank(s) > rank(worst)) worst = s;
  return worst;
}

function rank(status: number): number {
  return status === EXIT.INTERNAL ? 3 : status === EXIT.USAGE_OR_INPUT ? 2 : status === EXIT.INVALID ? 1 : 0;
}
