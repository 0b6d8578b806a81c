import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { XlicError, type License } from '@xlic/core';
import { classificationsOverlap, denialFindings, findBlockingDenials, matchDenials } from '../src/denials.js';
import type { DenialNotice } from '../src/documents.js';

const examples = new URL('../../../examples/', import.meta.url);
const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, examples), 'utf8')) as T;
const license = read<License>('licenses/de-bafa-individual-2b001-jp.json');
const denial = read<DenialNotice>('screening/denial-fr-sbdu-2026-0117.json');
const withdrawal = read<DenialNotice>('screening/denial-fr-sbdu-2026-0117-withdrawn.json');
const AT = new Date('2026-08-01T00:00:00Z');

describe('classificationsOverlap', () => {
  it('overlaps by code prefix at entry boundaries within comparable regimes', () => {
    const c = (regime: 'eu-dual-use' | 'us-eccn' | 'wassenaar-ml', code: string) => ({ regime, code });
    expect(classificationsOverlap(c('eu-dual-use', '2B001'), c('eu-dual-use', '2B001.b.2'))).toBe(true);
    expect(classificationsOverlap(c('eu-dual-use', '2B001.b.2'), c('us-eccn', '2B001'))).toBe(true);
    expect(classificationsOverlap(c('eu-dual-use', '2B001.a'), c('eu-dual-use', '2B001.b'))).toBe(false);
    expect(classificationsOverlap(c('eu-dual-use', '2B001'), c('eu-dual-use', '2B0010'))).toBe(false);
    expect(classificationsOverlap(c('wassenaar-ml', 'ML10'), c('eu-dual-use', '2B001'))).toBe(false);
    expect(classificationsOverlap(c('us-eccn', 'EAR99'), c('us-eccn', 'EAR99'))).toBe(false);
  });
});

describe('findBlockingDenials', () => {
  it('blocks an essentially identical transaction (same end user, 2B001 ⊃ 2B001.b.2, same destination)', () => {
    const [m] = findBlockingDenials([denial], license, AT);
    expect(m?.state).toBe('blocking');
    expect(m?.parties.map((p) => [p.noticeRole, p.licensePath, p.rule])).toEqual([
      ['endUser', '/endUsers/0', 'identifier'],
      ['consignee', '/consignee', 'identifier'],
    ]);
    expect(m?.codes.map((c) => c.licensed.code)).toContain('2B001.b.2');
    expect(m?.explanation).toMatch(/consultations\.sbdu@finances\.gouv\.fr/);
  });
  it('matches the end user by a strong name match when it has no identifier', () => {
    const n = { ...denial, endUser: { ...denial.endUser, identifiers: [] }, consignee: undefined } as unknown as DenialNotice;
    delete (n as { consignee?: unknown }).consignee;
    const [m] = findBlockingDenials([n], license, AT);
    expect(m?.parties).toEqual([{ noticeRole: 'endUser', licensePath: '/endUsers/0', rule: 'exact-normalised', score: 1 }]);
  });
  it('does not block another destination, other codes or other parties', () => {
    expect(findBlockingDenials([{ ...denial, destination: 'KR' }], license, AT)).toEqual([]);
    expect(findBlockingDenials([{ ...denial, items: [{ classification: { regime: 'eu-dual-use', code: '3A001' } }] }], license, AT)).toEqual([]);
    const other = { legalName: 'Nagoya Robotics Research Institute', address: denial.endUser.address, country: 'JP' as const };
    const n: DenialNotice = { ...denial, endUser: other };
    delete (n as { consignee?: unknown }).consignee;
    expect(matchDenials([n], license, AT)).toEqual([]);
  });
  it('lapses at expiresAt', () => {
    expect(findBlockingDenials([denial], license, new Date('2029-05-12T09:59:59Z'))).toHaveLength(1);
    expect(findBlockingDenials([denial], license, new Date('2029-05-12T10:00:00Z'))).toEqual([]);
    expect(matchDenials([denial], license, new Date('2030-01-01T00:00:00Z'))[0]?.state).toBe('expired');
  });
  it('is lifted by a withdrawal notice of the same agency, not of another one', () => {
    const states = matchDenials([denial, withdrawal], license, new Date('2026-11-23T00:00:00Z')).map((m) => [m.notice.id, m.state]);
    expect(states).toEqual([
      ['FR-SBDU-DN-2026-0117', 'superseded'],
      ['FR-SBDU-DN-2026-0117-W', 'withdrawn'],
    ]);
    const foreign = { ...withdrawal, deniedBy: { country: 'IT', agencyId: 'UAMA', name: 'UAMA' } } as DenialNotice;
    expect(findBlockingDenials([denial, foreign], license, AT).map((m) => m.notice.id)).toEqual([denial.id]);
  });
  it('a renewal replaces the notice it supersedes, with its own expiry', () => {
    const renewal: DenialNotice = { ...denial, id: 'FR-SBDU-DN-2029-0007', deniedAt: '2029-05-01T00:00:00Z', expiresAt: '2032-05-01T00:00:00Z', supersedes: { id: denial.id, sha256: '0'.repeat(64) } };
    const at = new Date('2030-01-01T00:00:00Z');
    expect(findBlockingDenials([denial, renewal], license, at).map((m) => m.notice.id)).toEqual(['FR-SBDU-DN-2029-0007']);
  });
  it('does not block once the license records a consultation with the denying agency', () => {
    const consultation = { noticeId: denial.id, agency: { country: 'FR', agencyId: 'SBDU' }, consultedAt: '2026-07-20T00:00:00Z', reference: 'SBDU/2026/4411' };
    expect(findBlockingDenials([denial], license, AT, [consultation])).toEqual([]);
    expect(matchDenials([denial], license, AT, [consultation])[0]).toMatchObject({ state: 'consulted', consultation });
    expect(denialFindings(matchDenials([denial], license, AT, [consultation])).map((f) => [f.code, f.severity, f.path])).toEqual([['DENIAL_CONSULTED', 'warning', '/endUsers/0']]);
    expect(denialFindings(matchDenials([denial], license, AT)).map((f) => [f.code, f.severity])).toEqual([['DENIAL_BLOCKS_LICENSE', 'error']]);
    const wrongAgency = { ...consultation, agency: { country: 'IT', agencyId: 'UAMA' } };
    expect(findBlockingDenials([denial], license, AT, [wrongAgency])).toHaveLength(1);
  });
  it('refuses an invalid notice', () => {
    const bad = { ...denial, expiresAt: denial.deniedAt };
    expect(() => findBlockingDenials([bad], license, AT)).toThrowError(XlicError);
    try {
      findBlockingDenials([bad], license, AT);
    } catch (e) {
      expect((e as XlicError).code).toBe('DENIAL_NOTICE_INVALID');
      expect((e as XlicError).findings?.[0]?.code).toBe('DENIAL_EXPIRY_INVERTED');
    }
  });
});
