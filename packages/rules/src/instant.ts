/**
 * RFC 3339 instants and fixed-length durations for rule evaluation: parsed by hand so that the result
 * does not depend on the host's Date.parse (which accepts many non-RFC 3339 forms and rolls over Feb 30).
 */

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|([+-])(\d{2}):(\d{2}))$/;
const DURATION = /^P(?!$)(?:(\d{1,4})D)?(?:T(?=\d)(?:(\d{1,4})H)?(?:(\d{1,4})M)?(?:(\d{1,4})S)?)?$/;

/** Milliseconds per unit accepted by `plusTime` (fixed lengths: a day is 24 hours). */
export const TIME_UNITS = { day: 86_400_000, hour: 3_600_000, minute: 60_000 } as const;
export type TimeUnit = keyof typeof TIME_UNITS;

/** Range of instants RFC 3339 can write (four-digit years): 0000-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z. */
const MIN_INSTANT = -62_167_219_200_000;
const MAX_INSTANT = 253_402_300_799_999;

function daysIn(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Milliseconds since the epoch of an RFC 3339 date-time with offset, or undefined when `value`
 * is not one (wrong form, impossible calendar date, leap second, offset out of range).
 * Fractions beyond milliseconds are truncated.
 */
export function parseInstant(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length > 40) return undefined;
  const m = DATE_TIME.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) return undefined;
  let offset = 0;
  if (m[9]) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return undefined;
    offset = (m[9] === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
  }
  const ms = m[7] ? Math.trunc(Number(`0${m[7]}`) * 1000) : 0;
  const base = new Date(0);
  base.setUTCFullYear(year, month - 1, day);
  base.setUTCHours(hour, minute, second, ms);
  return base.getTime() - offset;
}

/** Format an instant as RFC 3339 in UTC (`2026-11-24T09:00:00Z`, milliseconds only when not zero). */
export function formatInstant(ms: number): string {
  if (!Number.isFinite(ms) || ms < MIN_INSTANT || ms > MAX_INSTANT) throw new RangeError(`instant ${ms} is outside years 0000 to 9999`);
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

/** Milliseconds of an ISO 8601 duration of days, hours, minutes and seconds (`PT24H`, `P2DT12H`), or undefined. */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = DURATION.exec(value);
  if (!m) return undefined;
  const [d, h, min, s] = [m[1], m[2], m[3], m[4]].map((x) => (x === undefined ? 0 : Number(x))) as [number, number, number, number];
  return d * TIME_UNITS.day + h * TIME_UNITS.hour + min * TIME_UNITS.minute + s * 1000;
}
