import * as bidiModule from 'bidi-js';
import type { Bidi, EmbeddingLevels } from 'bidi-js';
import { XlicError } from '@xlic/core';
import { classifyCodePoint, preferredFont, type FontKey, type HanContext, type LoadedFont } from './fonts.js';

// bidi-js is UMD (CommonJS under Node, ESM default export in bundlers): the factory is `default` in both.
const bidi = ((bidiModule as unknown as { default: () => Bidi }).default)();

/** How a piece of text is set. */
export interface TextStyle {
  size: number;
  bold?: boolean;
  /** Face for Han characters (from the party's country); Chinese when not given. */
  han?: HanContext;
}

/** A run of text in one font, ready for pdf-lib: `text` is what to hand to the font's encoder. */
export interface PlacedRun {
  font: FontKey;
  text: string;
  /** Offset from the start of the line, in points. */
  x: number;
  width: number;
}

/** One line of laid-out text in visual order. */
export interface LaidLine {
  runs: PlacedRun[];
  width: number;
}

const FALLBACK_ORDER: FontKey[] = ['latin', 'chinese', 'japanese', 'korean', 'arabic'];

/** Lays out text with the fonts of a FontSet: font choice per script, bidi order, line breaks. */
export class TextLayout {
  private readonly widthCache = new Map<string, number>();

  constructor(private readonly fonts: Map<FontKey, LoadedFont>) {}

  /** Width in points of `text` set in one font (fontkit layout: shaping included). */
  runWidth(font: FontKey, text: string, size: number): number {
    const cacheKey = font + '\u0000' + text;
    let units = this.widthCache.get(cacheKey);
    if (units === undefined) {
      const f = this.fonts.get(font)!.font;
      units = 0;
      for (const p of f.layout(text).positions) units += p.xAdvance;
      units = units / f.unitsPerEm;
      this.widthCache.set(cacheKey, units);
    }
    return units * size;
  }

  /** Width of a single-line string. */
  measure(text: string, style: TextStyle): number {
    return this.layout(text, style, Number.POSITIVE_INFINITY).reduce((w, l) => Math.max(w, l.width), 0);
  }

  /** Fonts needed to set `text` in `style` (for embedding only what is used). */
  fontsFor(text: string, style: TextStyle): Set<FontKey> {
    return new Set(this.assignFonts(clean(text), style));
  }

  /**
   * Break `text` into lines no wider than `maxWidth` and order each line visually (Unicode bidi).
   * Newlines start new paragraphs.
   */
  layout(text: string, style: TextStyle, maxWidth: number): LaidLine[] {
    const out: LaidLine[] = [];
    for (const paragraph of clean(text).split('\n')) out.push(...this.layoutParagraph(paragraph, style, maxWidth));
    return out;
  }

  private layoutParagraph(s: string, style: TextStyle, maxWidth: number): LaidLine[] {
    if (s.length === 0) return [{ runs: [], width: 0 }];
    const fonts = this.assignFonts(s, style);
    const embedding = bidi.getEmbeddingLevels(s);
    const lines: Array<[number, number]> = [];
    const tokens = tokenize(s);
    let lineStart = tokens[0]![0];
    let lineEnd = lineStart;
    let width = 0;
    for (const [a, b] of tokens) {
      const w = this.logicalWidth(s, fonts, a, b, style.size);
      const trimmed = this.logicalWidth(s, fonts, a, trimEnd(s, a, b), style.size);
      if (lineEnd > lineStart && width + trimmed > maxWidth) {
        lines.push([lineStart, trimEnd(s, lineStart, lineEnd)]);
        lineStart = a;
        width = 0;
      }
      if (trimmed > maxWidth) {
        // A token wider than the line (a long code, a digest): break it between characters.
        let start = a;
        for (let i = a; i < b; i++) {
          const cw = this.logicalWidth(s, fonts, start, i + 1, style.size);
          if (cw > maxWidth && i > start) {
            lines.push([start, i]);
            start = i;
          }
        }
        lineStart = start;
        lineEnd = b;
        width = this.logicalWidth(s, fonts, start, b, style.size);
        continue;
      }
      lineEnd = b;
      width += w;
    }
    if (lineEnd > lineStart) lines.push([lineStart, trimEnd(s, lineStart, lineEnd)]);
    return lines.map(([a, b]) => this.visualLine(s, fonts, embedding, a, b, style.size));
  }

  private logicalWidth(s: string, fonts: FontKey[], a: number, b: number, size: number): number {
    let w = 0;
    let i = a;
    while (i < b) {
      let j = i + 1;
      while (j < b && fonts[j] === fonts[i]) j++;
      w += this.runWidth(fonts[i]!, s.slice(i, j), size);
      i = j;
    }
    return w;
  }

  private visualLine(s: string, fonts: FontKey[], embedding: EmbeddingLevels, a: number, b: number, size: number): LaidLine {
    const levels = embedding.levels;
    if (b <= a) return { runs: [], width: 0 };
    const order: number[] = [];
    for (let i = a; i < b; i++) order.push(i);
    for (const [from, to] of bidi.getReorderSegments(s, embedding, a, b - 1) as Array<[number, number]>) {
      const segment = order.slice(from - a, to - a + 1).reverse();
      order.splice(from - a, segment.length, ...segment);
    }
    const runs: PlacedRun[] = [];
    let x = 0;
    let p = 0;
    while (p < order.length) {
      const first = order[p]!;
      const level = levels[first]!;
      const rtl = (level & 1) === 1;
      let q = p + 1;
      while (q < order.length && fonts[order[q]!] === fonts[first] && levels[order[q]!] === level && order[q]! === order[q - 1]! + (rtl ? -1 : 1)) q++;
      const lo = rtl ? order[q - 1]! : first;
      const hi = rtl ? first : order[q - 1]!;
      const logical = s.slice(lo, hi + 1);
      // fontkit reverses runs of right-to-left scripts itself; other right-to-left runs (neutrals
      // between Arabic words) are reversed and mirrored here.
      const text = !rtl || hasRtlScript(logical) ? logical : mirrorReverse(logical);
      const font = fonts[first]!;
      const width = this.runWidth(font, text, size);
      runs.push({ font, text, x, width });
      x += width;
      p = q;
    }
    return { runs, width: x };
  }

  // One font per UTF-16 index: by script, neutrals joining their neighbours, falling back when a glyph is missing.
  private assignFonts(s: string, style: TextStyle): FontKey[] {
    const han = style.han ?? 'zh';
    const fonts: Array<FontKey | undefined> = new Array(s.length);
    const cps: number[] = new Array(s.length);
    for (let i = 0; i < s.length; i++) {
      const cp = s.codePointAt(i)!;
      cps[i] = cp;
      const pref = preferredFont(classifyCodePoint(cp), han);
      fonts[i] = pref === undefined ? undefined : this.covering(pref, cp);
      if (cp > 0xffff) {
        fonts[i + 1] = fonts[i];
        cps[i + 1] = cp;
        i++;
      }
    }
    let prev: FontKey | undefined;
    for (let i = 0; i < s.length; i++) if (fonts[i] !== undefined) prev = fonts[i];
    else if (prev !== undefined && this.has(prev, cps[i]!)) fonts[i] = prev;
    let next: FontKey | undefined;
    for (let i = s.length - 1; i >= 0; i--) if (fonts[i] !== undefined) next = fonts[i];
    else fonts[i] = next !== undefined && this.has(next, cps[i]!) ? next : this.covering('latin', cps[i]!);
    const bold = style.bold && this.fonts.has('latinBold');
    return fonts.map((f) => (bold && f === 'latin' ? 'latinBold' : f!));
  }

  private has(font: FontKey, cp: number): boolean {
    return this.fonts.get(font)?.font.hasGlyphForCodePoint(cp) ?? false;
  }

  private covering(preferred: FontKey, cp: number): FontKey {
    if (this.has(preferred, cp)) return preferred;
    for (const f of FALLBACK_ORDER) if (this.has(f, cp)) return f;
    const missing = this.fonts.has(preferred) ? `no font in the font set has a glyph for U+${cp.toString(16).toUpperCase().padStart(4, '0')}` : `text needs the "${preferred}" font, which the font set does not have`;
    throw new XlicError('PDF_FONT_MISSING', missing);
  }
}

// Break opportunities: after spaces, and between CJK characters (which are not separated by spaces).
function tokenize(s: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const cp = s.codePointAt(i)!;
    const wide = cp > 0xffff ? 2 : 1;
    const cls = classifyCodePoint(cp);
    const end = i + wide;
    const nextCls = end < s.length ? classifyCodePoint(s.codePointAt(end)!) : 'neutral';
    const cjk = (c: string): boolean => c === 'han' || c === 'kana' || c === 'hangul';
    const here = s[i] === ' ';
    const next = s[end] === ' ';
    if (end < s.length && ((here && !next) || (!here && !next && (cjk(cls) || cjk(nextCls))))) {
      out.push([start, end]);
      start = end;
    }
    i = end - 1;
  }
  out.push([start, s.length]);
  return out.filter(([a, b]) => b > a);
}

function trimEnd(s: string, a: number, b: number): number {
  while (b > a && s[b - 1] === ' ') b--;
  return b;
}

function clean(text: string): string {
  // Tabs become spaces; other control characters are dropped (they have no glyphs).
  return text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '');
}

function hasRtlScript(s: string): boolean {
  for (const ch of s) if (classifyCodePoint(ch.codePointAt(0)!) === 'arabic') return true;
  return false;
}

const MIRROR: Record<string, string> = { '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«' };

function mirrorReverse(s: string): string {
  return Array.from(s)
    .reverse()
    .map((c) => MIRROR[c] ?? c)
    .join('');
}
