import { describe, expect, it } from 'vitest';
import { cleanInvisible, foldConfusables, MAX_NAME_LENGTH } from '../src/unicode-hygiene.js';
import { foldCase, normalizeName, removeCjkLegalForms, removeDiacritics, removeLegalForms, stripPunctuation, transliterateToken } from '../src/normalize-name.js';
import { consonantSkeleton, phoneticKey } from '../src/phonetic-key.js';

const latin = (name: string): string[] => normalizeName(name).tokens.map((t) => t.latin);

describe('normalisation steps', () => {
  it('folds compatibility forms and case', () => {
    expect(foldCase('ＴＯＫＡＩ Straße')).toBe('tokai strasse');
    expect(foldCase('㈱')).toBe('(株)');
    expect(foldCase('ΣΟΦΟΣ')).toBe('σοφοσ');
    expect(removeDiacritics(foldCase('DİYARBAKIR'))).toBe('diyarbakir');
  });
  it('removes diacritics from Latin, Greek and Arabic but keeps them where they change the letter', () => {
    expect(removeDiacritics('çelik müller öztürk')).toBe('celik muller ozturk');
    expect(removeDiacritics('ηλεκτρονικά')).toBe('ηλεκτρονικα');
    expect(removeDiacritics('مُحَمَّد')).toBe('محمد');
    expect(removeDiacritics('сергей')).toBe('сергей');
    expect(removeDiacritics('がくせい')).toBe('がくせい');
  });
  it('removes CJK legal forms written without spaces', () => {
    expect(removeCjkLegalForms('東海精密工業株式会社')).toBe('東海精密工業');
    expect(removeCjkLegalForms('(株)東海精密')).toBe('東海精密');
    expect(removeCjkLegalForms('华为技术有限公司')).toBe('华为技术');
    expect(removeCjkLegalForms('한빛정밀 주식회사')).toBe('한빛정밀');
  });
  it('drops dots and apostrophes and splits on other punctuation', () => {
    expect(stripPunctuation("o'neil s.a.").trim()).toBe('oneil sa');
    expect(stripPunctuation('rolls-royce&co').split(/\s+/)).toEqual(['rolls', 'royce', 'co']);
  });
  it('transliterates tokens to ASCII', () => {
    expect(transliterateToken('сергей')).toBe('sergey');
    expect(transliterateToken('σπύρος')).toBe('spyros');
    expect(transliterateToken('محمد')).toBe('mhmd');
    expect(transliterateToken('nippon')).toBe('nihon');
  });
  it('removes legal forms at either end only', () => {
    const toks = (s: string) => s.split(' ').map((latin) => ({ latin }));
    expect(removeLegalForms(toks('ooo romashka')).map((t) => t.latin)).toEqual(['romashka']);
    expect(removeLegalForms(toks('kessler co feinmechanik gmbh')).map((t) => t.latin)).toEqual(['kessler', 'co', 'feinmechanik']);
    expect(removeLegalForms(toks('gmbh')).map((t) => t.latin)).toEqual(['gmbh']);
  });
  it('normalises whole names across scripts', () => {
    expect(latin('ООО «Ромашка»')).toEqual(['romashka']);
    expect(latin('Müller GmbH & Co. KG')).toEqual(['muller']);
    expect(latin('Tokai Seimitsu Kogyo Kabushiki Kaisha')).toEqual(['tokai', 'seimitsu', 'kogyo']);
    expect(latin('شركة النور للتجارة ذ.م.م')).toEqual(['lnwr', 'lltjrh']);
    expect(latin('Öztürk Makine Sanayi ve Ticaret A.Ş.')).toEqual(['ozturk', 'makine', 'sanayi', 'ticaret']);
    expect(latin('华为技术有限公司')).toEqual(['hua', 'wei', 'ji', 'shu']);
    expect(normalizeName('東海精密').script).toBe('cjk');
    expect(normalizeName('Tokai').script).toBeUndefined();
  });
  it('derives sound-alike keys and consonant skeletons', () => {
    expect(phoneticKey('mohammed')).toBe(phoneticKey('muhammad'));
    expect(phoneticKey('sergey')).toBe(phoneticKey('sergei'));
    expect(phoneticKey('toukai')).toBe(phoneticKey('tokai'));
    expect(phoneticKey('tohkai')).toBe(phoneticKey('tokai'));
    expect(phoneticKey('shinbashi')).toBe(phoneticKey('shimbashi'));
    expect(phoneticKey('petrov')).toBe(phoneticKey('petroff'));
    expect(phoneticKey('kogaku')).not.toBe(phoneticKey('denki'));
    expect(consonantSkeleton('muhammad')).toBe(consonantSkeleton('mhmd'));
    expect(consonantSkeleton('hussein')).toBe(consonantSkeleton('hsyn'));
    expect(consonantSkeleton('ivanov')).toBe('fnf');
  });
});

describe('hostile input', () => {
  it('removes and flags bidi controls', () => {
    const r = cleanInvisible('Acme\u202E Corp\u2066');
    expect(r.text).toBe('Acme Corp');
    expect(r.flags.map((f) => f.kind)).toEqual(['bidi-control']);
  });
  it('removes and flags zero-width characters so they cannot split a listed name', () => {
    const k = normalizeName('Ro\u200Bmash\u200Dka');
    expect(k.tokens.map((t) => t.latin)).toEqual(['romashka']);
    expect(k.flags.map((f) => f.kind)).toContain('invisible-character');
  });
  it('folds and flags Cyrillic look-alike letters in a Latin name', () => {
    const k = normalizeName('Gаzprom Nеft'); // Cyrillic а and е
    expect(k.tokens.map((t) => t.latin)).toEqual(['gazprom', 'neft']);
    expect(k.flags.filter((f) => f.kind === 'mixed-script')).toHaveLength(2);
    const d = foldConfusables(['acme', 'сорр']); // an all-Cyrillic word that reads as Latin
    expect(d.tokens).toEqual(['acme', 'copp']);
    expect(d.flags[0]?.kind).toBe('confusable-characters');
  });
  it('leaves a genuine Cyrillic name alone', () => {
    expect(normalizeName('Сергей Иванов').flags).toEqual([]);
    expect(foldConfusables(['сергей']).tokens).toEqual(['сергей']);
  });
  it('cuts huge names and flags them', () => {
    const k = normalizeName('Acme '.repeat(100_000));
    expect(k.flags.map((f) => f.kind)).toContain('truncated');
    expect(k.tokens.length).toBeLessThanOrEqual(40);
    expect(cleanInvisible('x'.repeat(MAX_NAME_LENGTH + 5)).text).toHaveLength(MAX_NAME_LENGTH);
  });
  it('flags control characters', () => {
    expect(cleanInvisible('Acme\u0007').flags.map((f) => f.kind)).toEqual(['control-character']);
  });
});
