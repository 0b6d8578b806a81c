import { PDFHexString, PDFNumber, PDFOperator, PDFOperatorNames as Op, type PDFFont, type PDFName, PDFArray, type PDFContext } from 'pdf-lib';
import type { FontkitFont, FontkitGlyph } from 'fontkit';

interface Embedder {
  font: FontkitFont;
  subset: { includeGlyph(glyph: FontkitGlyph): number };
  glyphs: FontkitGlyph[];
  glyphCache: { invalidate(): void };
  scale: number;
}

/**
 * Content-stream operators that show `text` (one font, already in the order fontkit expects) at
 * (x, y) with fontkit's glyph positions applied: kerning through TJ adjustments, and mark glyphs
 * (Arabic dots and vowels) at their GPOS offsets. pdf-lib's drawText drops positions, which puts
 * Arabic dots in the wrong place.
 */
export function showGlyphs(ctx: PDFContext, font: PDFFont, fontName: PDFName, text: string, x: number, y: number, size: number, color: readonly [number, number, number]): PDFOperator[] {
  const embedder = (font as unknown as { embedder: Embedder }).embedder;
  const run = embedder.font.layout(text) as unknown as { glyphs: FontkitGlyph[]; positions: Array<{ xAdvance: number; xOffset: number; yOffset: number }> };
  const unit = size / embedder.font.unitsPerEm;
  const num = (n: number): PDFNumber => PDFNumber.of(Math.round(n * 1000) / 1000);
  const ops: PDFOperator[] = [
    PDFOperator.of(Op.PushGraphicsState),
    PDFOperator.of(Op.BeginText),
    PDFOperator.of(Op.SetFontAndSize, [fontName, num(size)]),
    PDFOperator.of(Op.NonStrokingColorRgb, color.map(num)),
  ];
  let pen = x;
  let segment: PDFArray | undefined;
  let codes = '';
  const flushCodes = (): void => {
    if (segment && codes) segment.push(PDFHexString.of(codes));
    codes = '';
  };
  const flush = (): void => {
    flushCodes();
    if (segment) ops.push(PDFOperator.of(Op.ShowTextAdjusted, [segment]));
    segment = undefined;
  };
  run.glyphs.forEach((glyph, i) => {
    const pos = run.positions[i]!;
    const id = embedder.subset.includeGlyph(glyph);
    embedder.glyphs[id - 1] = glyph;
    const code = id.toString(16).padStart(4, '0');
    if (pos.xOffset !== 0 || pos.yOffset !== 0) {
      flush();
      ops.push(PDFOperator.of(Op.SetTextMatrix, [num(1), num(0), num(0), num(1), num(pen + pos.xOffset * unit), num(y + pos.yOffset * unit)]));
      ops.push(PDFOperator.of(Op.ShowText, [PDFHexString.of(code)]));
    } else {
      if (!segment) {
        segment = PDFArray.withContext(ctx);
        ops.push(PDFOperator.of(Op.SetTextMatrix, [num(1), num(0), num(0), num(1), num(pen), num(y)]));
      }
      codes += code;
      // TJ moves by the glyph's /W width; correct to fontkit's advance (kerning, contextual forms).
      const adjust = Math.round((glyph.advanceWidth - pos.xAdvance) * embedder.scale * 1000) / 1000;
      if (adjust !== 0) {
        flushCodes();
        segment.push(PDFNumber.of(adjust));
      }
    }
    pen += pos.xAdvance * unit;
  });
  flush();
  embedder.glyphCache.invalidate();
  ops.push(PDFOperator.of(Op.EndText), PDFOperator.of(Op.PopGraphicsState));
  return ops;
}
