import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateDenialNotice, validateScreeningList } from '../src/documents.js';

const dir = new URL('../../../examples/screening/', import.meta.url);
const read = (name: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as Record<string, unknown>;

describe('document validation', () => {
  it('accepts the example list and notices', () => {
    expect(validateScreeningList(read('screening-list.json'))).toEqual([]);
    expect(validateDenialNotice(read('denial-fr-sbdu-2026-0117.json'))).toEqual([]);
    expect(validateDenialNotice(read('denial-fr-sbdu-2026-0117-withdrawn.json'))).toEqual([]);
  });
  it('reports schema violations with xlic codes', () => {
    const list = read('screening-list.json');
    expect(validateScreeningList({ ...list, extra: 1 }).map((f) => [f.code, f.path])).toEqual([['SCHEMA_UNKNOWN_FIELD', '/extra']]);
    expect(validateScreeningList({ ...list, policy: { onHit: 'escalate' } }).map((f) => f.code)).toEqual(['SCHEMA_REQUIRED']);
    const notice = read('denial-fr-sbdu-2026-0117.json');
    expect(validateDenialNotice({ ...notice, reasonCategory: 'because' }).map((f) => f.code)).toEqual(['SCHEMA_ENUM']);
  });
  it('checks list rules beyond the schema', () => {
    const list = read('screening-list.json') as { entries: Array<Record<string, unknown>>; issuedAt: string };
    const entries = [{ ...list.entries[0], delisting: { at: '2020-01-01T00:00:00Z', reason: 'x' } }];
    expect(validateScreeningList({ ...list, entries }).map((f) => f.code)).toEqual(['SCREENING_DELISTED_BEFORE_LISTED']);
    expect(validateScreeningList({ ...list, nextUpdate: list.issuedAt }).map((f) => f.code)).toEqual(['NEXT_UPDATE_NOT_AFTER_ISSUE']);
    const notice = read('denial-fr-sbdu-2026-0117.json');
    expect(validateDenialNotice({ ...notice, supersedes: { id: notice['id'], sha256: '0'.repeat(64) } }).map((f) => f.code)).toEqual(['SUPERSEDES_ITSELF']);
  });
});
