import { XlicError } from '@xlic/core';

/** Parse a --at style time: "now" or an RFC 3339 date-time (a bare date means 00:00 UTC). */
export function parseTime(value: string | undefined, flag = '--at'): Date {
  if (value === undefined || value === 'now') return new Date();
  const v = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(v) || Number.isNaN(Date.parse(v))) {
    throw new XlicError('USAGE', `${flag} ${JSON.stringify(value)} is not "now" or an RFC 3339 date-time such as 2026-11-23T09:00:00Z`);
  }
  return new Date(v);
}

/** Parse a whole number of days for a validity option. */
export function parseDays(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^[1-9][0-9]{0,5}$/.test(value)) throw new XlicError('USAGE', `${flag} must be a whole number of days, got ${JSON.stringify(value)}`);
  return Number(value);
}
