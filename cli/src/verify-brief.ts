import type { LicenseRecord } from '@xlic/verify';
import type { Outcome } from './verify-one.js';

/** What the main thread needs of one outcome in a batch: counts, one line, and amendment data. */
export interface Brief {
  file: string;
  verdict?: 'VALID' | 'INVALID';
  id?: string;
  code?: string;
  reason?: string;
  error?: { code: string; message: string };
  /** The JSON Lines record, serialized where the verification ran. */
  json?: string;
  record?: LicenseRecord;
}

/** Reduce an outcome to its brief. */
export function brief(o: Outcome, json: boolean, record: LicenseRecord | undefined): Brief {
  const b: Brief = { file: o.file };
  if (json) b.json = JSON.stringify({ type: 'result', ...o });
  if (o.error) b.error = o.error;
  if (o.result) {
    b.verdict = o.result.verdict;
    const id = (o.result.document as { id?: unknown } | undefined)?.id;
    if (typeof id === 'string') b.id = id;
    if (o.result.code) b.code = o.result.code;
    if (o.result.reason) b.reason = o.result.reason;
  }
  if (record) b.record = record;
  return b;
}
