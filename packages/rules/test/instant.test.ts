import { describe, expect, it } from 'vitest';
import { formatInstant, parseDuration, parseInstant } from '../src/instant.js';

describe('parseInstant', () => {
  it('reads RFC 3339 date-times with offset as instants', () => {
    expect(parseInstant('2026-11-23T09:00:00Z')).toBe(Date.UTC(2026, 10, 23, 9));
    expect(parseInstant('2026-11-23T18:00:00+09:00')).toBe(Date.UTC(2026, 10, 23, 9));
    expect(parseInstant('2026-11-23T04:00:00-05:00')).toBe(Date.UTC(2026, 10, 23, 9));
    expect(parseInstant('2026-11-23t09:00:00.123456z')).toBe(Date.UTC(2026, 10, 23, 9, 0, 0, 123));
    expect(parseInstant('2028-02-29T00:00:00Z')).toBe(Date.UTC(2028, 1, 29));
    expect(parseInstant('0001-01-01T00:00:00Z')).toBe(Date.UTC(2001, 0, 1) - Date.UTC(2001, 0, 1) + new Date('0001-01-01T00:00:00Z').getTime());
  });

  it('refuses what is not RFC 3339 with offset, or not a calendar date', () => {
    for (const bad of ['2026-11-23', '2026-11-23T09:00:00', '2026-11-23 09:00:00Z', '2026-02-29T00:00:00Z', '2026-02-30T00:00:00Z', '2026-13-01T00:00:00Z', '2026-11-23T24:00:00Z', '2026-11-23T09:60:00Z', '2026-11-23T23:59:60Z', '2026-11-23T09:00:00+24:00', '+002026-11-23T09:00:00Z', 'Mon, 23 Nov 2026 09:00:00 GMT', '', null, 20261123]) {
      expect(parseInstant(bad), String(bad)).toBeUndefined();
    }
  });
});

describe('formatInstant', () => {
  it('writes UTC, with milliseconds only when there are some', () => {
    expect(formatInstant(Date.UTC(2026, 10, 23, 9))).toBe('2026-11-23T09:00:00Z');
    expect(formatInstant(Date.UTC(2026, 10, 23, 9, 0, 0, 5))).toBe('2026-11-23T09:00:00.005Z');
    expect(() => formatInstant(Date.UTC(10000, 0, 1))).toThrow(RangeError);
    expect(() => formatInstant(Number.NaN)).toThrow(RangeError);
  });
});

describe('parseDuration', () => {
  it('reads days, hours, minutes and seconds', () => {
    expect(parseDuration('PT24H')).toBe(86_400_000);
    expect(parseDuration('P1D')).toBe(86_400_000);
    expect(parseDuration('P2DT12H30M15S')).toBe(((2 * 24 + 12) * 60 + 30) * 60_000 + 15_000);
    expect(parseDuration('PT0S')).toBe(0);
  });

  it('refuses years, months, weeks, fractions and empty durations', () => {
    for (const bad of ['P', 'PT', 'P1Y', 'P1M', 'P1W', 'PT1.5H', 'PT24h', '24H', 'P1DT', '-PT1H', 'PT99999H', null]) expect(parseDuration(bad), String(bad)).toBeUndefined();
  });
});
