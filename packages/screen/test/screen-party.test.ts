import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { License, Party } from '@xlic/core';
import { XlicError } from '@xlic/core';
import type { ScreeningList } from '../src/documents.js';
import { buildScreeningIndex } from '../src/screening-index.js';
import { screenLicense, screenParty } from '../src/screen-party.js';

const dir = new URL('../../../examples/screening/', import.meta.url);
const read = <T>(name: string, base = dir): T => JSON.parse(readFileSync(new URL(name, base), 'utf8')) as T;
const list = read<ScreeningList>('screening-list.json');
const vectors = read<{ at: string; vectors: Array<{ description: string; input: { party: Party }; expect: { hits: unknown[] } }> }>('vectors.json');
const AT = new Date(vectors.at);
const index = buildScreeningIndex([{ list, source: 'screening-list.json' }], AT);
const party = (legalName: string, extra: Partial<Party> = {}): Party => ({ legalName, address: { lines: ['1 Street'], city: 'City' }, country: 'DE', ...extra });

describe('vectors (examples/screening/vectors.json)', () => {
  for (const v of vectors.vectors) {
    it(v.description, () => {
      const hits = screenParty(index, v.input.party).map((h) => ({ entryId: h.entryId, status: h.status, rule: h.rule }));
      expect(hits).toEqual(v.expect.hits);
    });
  }
});

describe('screenParty', () => {
  it('explains each hit: entry, name, rule, score, list and publisher', () => {
    const [hit] = screenParty(index, party('Romashka Tekhnologii'));
    expect(hit).toMatchObject({
      entryId: 'XS-0001',
      rule: 'exact-normalised',
      score: 1,
      action: 'escalate',
      escalateTo: 'BAFA Referat 213 (Sanktionen und Listungen)',
      list: { id: 'de-bafa-screening', sequence: 42, source: 'screening-list.json', publisher: { agencyId: 'BAFA' } },
      matched: { partyField: 'legalName', entryName: { kind: 'transliteration', value: 'Romashka Tekhnologii', index: 1 } },
    });
    expect(hit?.explanation).toMatch(/XS-0001.*de-bafa-screening #42.*DE BAFA.*exact-normalised/);
  });
  it('matches identifiers exactly after normalisation, whatever the name', () => {
    const hits = screenParty(index, party('Nobody', { identifiers: [{ scheme: 'VAT', value: 'ae-1002.3456 78000-03' }] }));
    expect(hits.map((h) => [h.entryId, h.rule])).toEqual([['XS-0010', 'identifier']]);
    expect(screenParty(index, party('Nobody', { identifiers: [{ scheme: 'EORI', value: 'AE100234567800003' }] }))).toEqual([]);
  });
  it('reports de-listed entries as informational from the delisting instant, current before it', () => {
    const p = party('Schwarzmeer Handels GmbH');
    const before = buildScreeningIndex([{ list, source: 'l' }], new Date('2025-08-31T23:59:59Z'));
    const at = buildScreeningIndex([{ list, source: 'l' }], new Date('2025-09-01T00:00:00Z'));
    expect(screenParty(before, p)[0]).toMatchObject({ status: 'current', action: 'escalate' });
    expect(screenParty(at, p)[0]).toMatchObject({ status: 'informational', informationalReason: 'delisted', action: 'none', delistedAt: '2025-09-01T00:00:00Z' });
    expect(screenParty(at, p)[0]?.explanation).toMatch(/de-listed at 2025-09-01/);
  });
  it('lists current hits before informational ones', () => {
    const hits = screenParty(index, party('Osaka Kogaku Kogyo', { identifiers: [{ scheme: 'LEI', value: '3003007HXMC000000077' }] }));
    expect(hits.map((h) => h.status)).toEqual(['current', 'informational']);
  });
  it('does not let a similar romanisation override clearly different kanji', () => {
    const hits = screenParty(index, party('大阪化学工業株式会社', { legalNameLatin: 'Osaka Kagaku Kogyo K.K.' }));
    expect(hits).toEqual([]);
    // without the kanji, the romanised name alone is a (fuzzy) hit for a reviewer
    expect(screenParty(index, party('Osaka Kagaku Kogyo K.K.')).map((h) => h.entryId)).toEqual(['XS-0009']);
  });
});

describe('buildScreeningIndex', () => {
  it('refuses an invalid list with its findings', () => {
    const bad = { ...list, entries: [...list.entries, { ...list.entries[0] }] } as ScreeningList;
    try {
      buildScreeningIndex([{ list: bad, source: 'bad.json' }], AT);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(XlicError);
      expect((e as XlicError).code).toBe('SCREENING_LIST_INVALID');
      expect((e as XlicError).findings?.[0]?.code).toBe('SCREENING_ENTRY_DUPLICATE');
    }
  });
  it('uses the newest version of a list and warns about the older one and staleness', () => {
    const older = { ...list, sequence: 41, entries: [] };
    const idx = buildScreeningIndex([{ list, source: 'new' }, { list: older, source: 'old' }], new Date('2026-12-01T00:00:00Z'));
    expect(idx.lists.map((l) => l.sequence)).toEqual([42]);
    expect(idx.findings.map((f) => f.code).sort()).toEqual(['SCREENING_LIST_STALE', 'SCREENING_LIST_SUPERSEDED']);
  });
});

describe('screenLicense', () => {
  const license = read<License>('licenses/de-bafa-individual-2b001-jp.json', new URL('../', dir));
  it('escalates the example license: its end user extends the listed name 東海精密 (containment)', () => {
    const r = screenLicense(index, license);
    expect(r.verdict).toBe('escalate');
    const endUser = r.parties.find((p) => p.path === '/endUsers/0');
    expect(endUser?.hits.map((h) => [h.entryId, h.rule])).toEqual([['XS-0008', 'fuzzy']]);
    expect(r.parties.filter((p) => p.path !== '/endUsers/0').every((p) => p.hits.length === 0)).toBe(true);
  });
  it('is clear when no party is listed', () => {
    const r = screenLicense(index, { ...license, endUsers: [party('Nagoya Robotics Research Institute')] });
    expect(r.verdict).toBe('clear');
    expect(r.findings).toEqual([]);
  });
  it('escalates a listed end user and flags a spoofed name', () => {
    const l: License = { ...license, endUsers: [party('Quаntum Lithography Systems Inc')] };
    const r = screenLicense(index, l);
    expect(r.verdict).toBe('escalate');
    expect(r.findings.map((f) => [f.code, f.path])).toEqual(
      expect.arrayContaining([
        ['SCREENING_HIT_ESCALATE', '/endUsers/0'],
        ['SCREENING_NAME_SUSPICIOUS', '/endUsers/0/legalName'],
      ]),
    );
  });
  it('fails on a fail-policy list and only warns about de-listed entries', () => {
    const failing = { ...list, policy: { onHit: 'fail' as const } };
    const idx = buildScreeningIndex([{ list: failing, source: 'x' }], AT);
    const r = screenLicense(idx, { ...license, consignee: party('Romashka Tech LLC'), endUsers: [party('Osaka Kogaku Kogyo')] });
    expect(r.verdict).toBe('fail');
    expect(r.findings.map((f) => f.code)).toEqual(['SCREENING_HIT', 'SCREENING_HIT_DELISTED']);
  });
});
