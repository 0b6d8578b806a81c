import type { Code } from './codes.js';

/**
 * One problem found in a document: where (JSON Pointer into the document, "" for the root),
 * a stable code, and a message a person understands.
 */
export interface Finding {
  path: string;
  code: Code;
  message: string;
  severity: 'error' | 'warning';
}

/** Make an error finding. */
export function finding(code: Code, path: string, message: string): Finding {
  return { path, code, message, severity: 'error' };
}

/** Make a warning finding (reported, never fails a verdict alone). */
export function warning(code: Code, path: string, message: string): Finding {
  return { path, code, message, severity: 'warning' };
}
