import * as fontkit from 'fontkit';
import type { FontkitFont, FontkitGlyph } from 'fontkit';

/**
 * The TrueType fonts the renderer uses, as bytes (runtime-neutral: the caller loads them).
 * `latin` covers Latin, Greek and Cyrillic; the others are needed only when the license has text in
 * that script. `@xlic/pdf/node` has `loadDefaultFonts()` for the Noto fonts installed from npm.
 */
export interface FontSet {
  /** Noto Sans Regular (or another font covering Latin, Greek and Cyrillic). */
  latin: Uint8Array;
  /** Bold face for headings; the regular face is used when absent. */
  latinBold?: Uint8Array;
  /** Japanese (kana, and Han in Japanese context): Noto Sans JP. */
  japanese?: Uint8Array;
  /** Chinese (Han outside Japanese and Korean context): Noto Sans SC. */
  chinese?: Uint8Array;
  /** Korean (Hangul, and Han in Korean context): Noto Sans KR. */
  korean?: Uint8Array;
  /** Arabic script, shaped: Noto Sans Arabic. */
  arabic?: Uint8Array;
}

/** Which font of a FontSet renders a run of text. */
export type FontKey = 'latin' | 'latinBold' | 'japanese' | 'chinese' | 'korean' | 'arabic';

/** Language context used to choose a face for Han characters, which all three CJK fonts cover. */
export type HanContext = 'ja' | 'zh' | 'ko';

/** The Han context for a party's country: Japanese in JP, Korean in KR/KP, Chinese elsewhere. */
export function hanContextForCountry(country: string | undefined): HanContext {
  if (country === 'JP') return 'ja';
  if (country === 'KR' || country === 'KP') return 'ko';
  return 'zh';
}

/** Unicode script families the renderer distinguishes. `neutral` adopts the font of its neighbours. */
export type ScriptClass = 'arabic' | 'kana' | 'hangul' | 'han' | 'neutral' | 'other';

/** Classify one code point for font selection. */
export function classifyCodePoint(cp: number): ScriptClass {
  if ((cp >= 0x0600 && cp <= 0x06ff) || (cp >= 0x0750 && cp <= 0x077f) || (cp >= 0x0870 && cp <= 0x08ff) || (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff)) return 'arabic';
  if ((cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x31f0 && cp <= 0x31ff) || (cp >= 0xff66 && cp <= 0xff9f)) return 'kana';
  if ((cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f) || (cp >= 0xa960 && cp <= 0xa97f) || (cp >= 0xac00 && cp <= 0xd7ff)) return 'hangul';
  if ((cp >= 0x2e80 && cp <= 0x2fdf) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0x3190 && cp <= 0x31ef) || (cp >= 0x3200 && cp <= 0x33ff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xff65) || (cp >= 0x20000 && cp <= 0x3ffff)) return 'han';
  // ASCII digits, spaces and punctuation: every font has them, so they join the surrounding run.
  if (cp <= 0x40 || (cp >= 0x5b && cp <= 0x60) || (cp >= 0x7b && cp <= 0x7f) || cp === 0xa0) return 'neutral';
  return 'other';
}

/** The preferred font for a script class in a Han context (`undefined` for neutral characters). */
export function preferredFont(cls: ScriptClass, han: HanContext): FontKey | undefined {
  switch (cls) {
    case 'arabic':
      return 'arabic';
    case 'kana':
      return 'japanese';
    case 'hangul':
      return 'korean';
    case 'han':
      return han === 'ja' ? 'japanese' : han === 'ko' ? 'korean' : 'chinese';
    case 'neutral':
      return undefined;
    default:
      return 'latin';
  }
}

/** A parsed font: fontkit for measuring and shaping, plus the key it has in the FontSet. */
export interface LoadedFont {
  key: FontKey;
  font: FontkitFont;
}

// Parsing a font is most of the cost of a render (the Japanese font alone is 5 MB), so parsed fonts are
// kept per font-bytes object. Output depends only on the glyphs and code points used, never on which
// renders came before (tests render twice in one process and compare bytes).
const parsedFonts = new WeakMap<Uint8Array, FontkitFont>();
const adaptedFonts = new WeakMap<Uint8Array, FontkitFont>();

/** Parse the font bytes of a FontSet with fontkit (tables are read lazily; parsed once per bytes object). */
export function parseFontSet(fonts: FontSet): Map<FontKey, LoadedFont> {
  const out = new Map<FontKey, LoadedFont>();
  for (const key of ['latin', 'latinBold', 'japanese', 'chinese', 'korean', 'arabic'] as const) {
    const bytes = fonts[key];
    if (!bytes) continue;
    let font = parsedFonts.get(bytes);
    if (!font) {
      font = fontkit.create(bytes);
      parsedFonts.set(bytes, font);
    }
    out.set(key, { key, font });
  }
  return out;
}

interface SubsetLike {
  glyphs: number[];
  mapping: Record<number, number | undefined>;
  includeGlyph(glyph: number | FontkitGlyph): number;
  encode(): Uint8Array;
  encodeStream?: () => unknown;
}

/**
 * The object pdf-lib's `registerFontkit` expects, backed by upstream fontkit 2. Two repairs:
 * - pdf-lib 1.17 reads subsets through `encodeStream()` (fontkit 1); fontkit 2 has `encode()`.
 * - Text extraction needs one Unicode mapping per glyph *use*: Noto Sans Arabic draws a dotless
 *   skeleton plus dot glyphs, so one skeleton glyph stands for several letters (teh, yeh, noon…).
 *   fontkit caches a glyph's code points from its first use and pdf-lib builds /ToUnicode per glyph
 *   id, which would make pdftotext read the wrong letters. Here every (glyph, code points) pair gets
 *   its own subset glyph (a duplicate outline), so each has a correct /ToUnicode entry.
 *   render.ts pairs this with `glyphId` on pdf-lib's embedder (see `useGlyphUseIds`).
 */
export const fontkitAdapter = {
  create(data: Uint8Array): FontkitFont {
    const cached = adaptedFonts.get(data);
    if (cached) return cached;
    const font = fontkit.create(data) as FontkitFont & { getGlyph(id: number, codePoints?: number[]): FontkitGlyph };
    const getGlyph = font.getGlyph.bind(font);
    font.getGlyph = (id: number, codePoints: number[] = []) => {
      const glyph = getGlyph(id, codePoints);
      if (codePoints.length === glyph.codePoints.length && codePoints.every((c, i) => c === glyph.codePoints[i])) return glyph;
      return Object.create(glyph, { codePoints: { value: [...codePoints], enumerable: true } }) as FontkitGlyph;
    };
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset() as unknown as SubsetLike;
      const includeGlyph = subset.includeGlyph.bind(subset);
      const uses = new Map<string, number>();
      subset.includeGlyph = (glyph: number | FontkitGlyph) => {
        if (typeof glyph === 'number') return includeGlyph(glyph);
        const key = `${glyph.id}/${glyph.codePoints.join(',')}`;
        let index = uses.get(key);
        if (index === undefined) {
          if (subset.mapping[glyph.id] === undefined) index = includeGlyph(glyph.id);
          else {
            subset.glyphs.push(glyph.id);
            index = subset.glyphs.length - 1;
          }
          uses.set(key, index);
        }
        return index;
      };
      subset.encodeStream = () => streamOf(() => subset.encode());
      return subset as never;
    };
    adaptedFonts.set(data, font);
    return font;
  },
};

/**
 * Make a pdf-lib custom-font embedder map each glyph *object* to its own subset id (see fontkitAdapter),
 * for /ToUnicode; pdf-lib keys that map by glyph id only.
 */
export function useGlyphUseIds(pdfFont: unknown): void {
  const embedder = (pdfFont as { embedder?: { glyphs: unknown[]; glyphId: (g: unknown) => number } }).embedder;
  if (!embedder || !Array.isArray(embedder.glyphs)) throw new Error('pdf-lib font embedder has an unexpected shape');
  embedder.glyphId = (g: unknown) => (g ? embedder.glyphs.indexOf(g) + 1 : -1);
}

type Listener = (arg?: unknown) => void;

// A one-chunk event stream with the on('data'|'end'|'error') surface pdf-lib consumes.
function streamOf(produce: () => Uint8Array): { on(event: string, fn: Listener): unknown } {
  const listeners = new Map<string, Listener>();
  const stream = {
    on(event: string, fn: Listener) {
      listeners.set(event, fn);
      return stream;
    },
  };
  queueMicrotask(() => {
    try {
      const bytes = produce();
      listeners.get('data')?.(bytes);
      listeners.get('end')?.();
    } catch (e) {
      listeners.get('error')?.(e);
    }
  });
  return stream;
}
