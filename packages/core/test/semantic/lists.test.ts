import { describe, expect, it } from 'vitest';
import type { StatusList, TrustList } from '../../src/generated/types.js';
import { checkStatusList, checkTrustList } from '../../src/semantic/lists.js';
import { example, STATUS_LIST, trustEntry, trustList } from '../fixtures.js';

describe('checkTrustList', () => {
  it('passes a list with a valid entry', () => {
    const t: TrustList = trustList();
    t.entries.push(trustEntry());
    expect(checkTrustList(t)).toEqual([]);
  });
  it('NEXT_UPDATE_NOT_AFTER_ISSUE when nextUpdate is before or at issuedAt', () => {
    const t: TrustList = trustList();
    t.nextUpdate = '2026-11-19T08:00:00+01:00';
    expect(checkTrustList(t)).toEqual([expect.objectContaining({ code: 'NEXT_UPDATE_NOT_AFTER_ISSUE', path: '/nextUpdate' })]);
    t.nextUpdate = '2026-11-20T07:00:00Z';
    expect(checkTrustList(t).map((f) => f.code)).toEqual(['NEXT_UPDATE_NOT_AFTER_ISSUE']);
  });
  it('TRUST_ENTRY_WINDOW_INVERTED for each entry whose validUntil is not after validFrom', () => {
    const t: TrustList = trustList();
    const ok = trustEntry();
    const bad = { ...trustEntry(), validUntil: '2025-12-31T00:00:00Z' };
    const same = { ...trustEntry(), validUntil: trustEntry().validFrom };
    t.entries.push(ok, bad, same);
    expect(checkTrustList(t).map((f) => `${f.code} ${f.path}`)).toEqual([
      'TRUST_ENTRY_WINDOW_INVERTED /entries/1/validUntil',
      'TRUST_ENTRY_WINDOW_INVERTED /entries/2/validUntil',
    ]);
  });
});

describe('checkStatusList', () => {
  it('passes the example status list', () => {
    expect(checkStatusList(example(STATUS_LIST))).toEqual([]);
  });
  it('NEXT_UPDATE_NOT_AFTER_ISSUE', () => {
    const s = example<StatusList>(STATUS_LIST);
    s.nextUpdate = s.issuedAt;
    expect(checkStatusList(s)).toEqual([expect.objectContaining({ code: 'NEXT_UPDATE_NOT_AFTER_ISSUE', path: '/nextUpdate' })]);
  });
  it('STATUS_SUCCESSOR_MISSING for an amended entry without successor, at the entry', () => {
    const s = example<StatusList>(STATUS_LIST);
    delete s.entries[2]!.successor;
    expect(checkStatusList(s)).toEqual([expect.objectContaining({ code: 'STATUS_SUCCESSOR_MISSING', path: '/entries/2' })]);
  });
  it('does not require a successor for revoked or suspended entries', () => {
    const s = example<StatusList>(STATUS_LIST);
    expect(s.entries.slice(0, 2).every((e) => e.successor === undefined)).toBe(true);
    expect(checkStatusList(s)).toEqual([]);
  });
  it('STATUS_DUPLICATE_ENTRY for a licence listed twice, at the later entry', () => {
    const s = example<StatusList>(STATUS_LIST);
    s.entries[2]!.licenseId = s.entries[0]!.licenseId;
    expect(checkStatusList(s)).toEqual([expect.objectContaining({ code: 'STATUS_DUPLICATE_ENTRY', path: '/entries/2/licenseId' })]);
  });
  it('passes an empty status list', () => {
    const s = example<StatusList>(STATUS_LIST);
    s.entries = [];
    expect(checkStatusList(s)).toEqual([]);
  });
});
