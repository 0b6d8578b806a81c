import { describe, expect, it } from 'vitest';
import { normalizeName } from '../src/normalize-name.js';
import { compareNames, MATCH_THRESHOLD } from '../src/similarity.js';

const cmp = (listed: string, candidate: string) => compareNames(normalizeName(listed), normalizeName(candidate));

describe('name matching rules', () => {
  it('exact-normalised: same words after normalisation', () => {
    expect(cmp('Tokai Seimitsu Kogyo Co., Ltd.', 'TOKAI SEIMITSU KOGYO K.K.')).toMatchObject({ rule: 'exact-normalised', score: 1 });
    expect(cmp('Øresund Optik ApS', 'Oresund Optik')).toMatchObject({ rule: 'exact-normalised', score: 1 });
  });
  it('exact-normalised with different word breaks scores 0.97', () => {
    expect(cmp('Al Noor Trading', 'Alnoor Trading')).toMatchObject({ rule: 'exact-normalised', score: 0.97 });
  });
  it('token-sort: same words in another order', () => {
    expect(cmp('Sergey Volkov', 'VOLKOV Sergey')).toMatchObject({ rule: 'token-sort', score: 0.98 });
  });
  it('transliteration: same words once in Latin letters', () => {
    expect(cmp('ООО «Ромашка»', 'Romashka LLC')).toMatchObject({ rule: 'transliteration', score: 0.95 });
    expect(cmp('华为技术有限公司', '華為技術有限公司')).toMatchObject({ rule: 'transliteration', score: 0.95 });
  });
  it('fuzzy: typos, transpositions and spelling variants score above the threshold', () => {
    for (const [a, b] of [
      ['Schwarzwald Präzisionsmaschinen GmbH', 'Schwarzwald Präzisionsmashinen GmbH'],
      ['Öztürk Makine A.Ş.', 'Ötzürk Makine A.Ş.'],
      ['Mohammed Al Rashid', 'Muhammad Al-Rasheed'],
      ['Сергей Иванов', 'Sergei Ivanov'],
      ['محمد الرشيد', 'Mohammed Al Rashid'],
      ['Müller Hydraulik', 'Mueller Hydraulik'],
      ['Tokai Seimitsu', 'Tohkai Seimitsu'],
      ['Gulf Precision Equipment Establishment', 'Gulf Precision Equipment Est.'],
    ]) {
      const c = cmp(a as string, b as string);
      expect(c.rule, `${a} ~ ${b}`).toBe('fuzzy');
      expect(c.score, `${a} ~ ${b}`).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
      expect(c.score).toBeLessThanOrEqual(0.94);
    }
  });
  it('fuzzy: a candidate containing every listed word is a hit', () => {
    expect(cmp('Tokai Seimitsu', 'Tokai Seimitsu Denki').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });
  it('look-alikes sharing words stay below the threshold', () => {
    for (const [a, b] of [
      ['Tokai Seimitsu', 'Tokai Denki'],
      ['Golden Crescent Electronics LLC', 'Silver Crescent Electronics LLC'],
      ['Yuriy Shevchenko', 'Yuriy Shevchuk'],
      ['Mohammed Al Rashid', 'Mohammed Al Hashimi'],
      ['九州重工株式会社', '九州観光株式会社'],
      ['АО «Уральский оптико-механический завод»', 'АО «Сибирский оптико-механический завод»'],
      ['Osaka Kogaku Kogyo', 'Osaka Kogaku Hanbai'],
    ]) {
      expect(cmp(a as string, b as string).score, `${a} ~ ${b}`).toBeLessThan(MATCH_THRESHOLD);
    }
  });
  it('explains what was compared', () => {
    expect(cmp('Mohammed Al Rashid', 'Muhammad Al-Rasheed').detail).toMatch(/mohammed al rashid.*muhammad al rasheed/);
  });
  it('an empty name matches nothing', () => {
    expect(cmp('Acme', '...').score).toBe(0);
  });
});
