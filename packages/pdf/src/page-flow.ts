import type { FontKey } from './fonts.js';
import type { LaidLine, TextLayout, TextStyle } from './text-layout.js';

/** An RGB colour, components 0..1. */
export type Rgb = readonly [number, number, number];

/** One drawing operation on a page, in PDF points from the bottom-left corner. */
export type DrawCommand =
  | { kind: 'text'; x: number; y: number; size: number; font: FontKey; text: string; color: Rgb }
  | { kind: 'rect'; x: number; y: number; width: number; height: number; color: Rgb }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; width: number; color: Rgb }
  | { kind: 'qr'; x: number; y: number; module: number; size: number; dark: readonly Uint8Array[] };

/** Page geometry. */
export interface PageGeometry {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const BLACK: Rgb = [0, 0, 0];
export const GREY: Rgb = [0.35, 0.35, 0.35];

/**
 * Lays content out top to bottom across pages, recording draw commands (fonts are embedded only
 * after layout, when it is known which are used).
 */
export class PageFlow {
  readonly pages: DrawCommand[][] = [];
  y = 0;
  private continuation: ((flow: PageFlow) => void) | undefined;

  constructor(
    readonly geometry: PageGeometry,
    readonly text: TextLayout,
  ) {
    this.newPage();
  }

  get contentWidth(): number {
    return this.geometry.width - this.geometry.left - this.geometry.right;
  }

  get page(): DrawCommand[] {
    return this.pages[this.pages.length - 1]!;
  }

  /** What to draw at the top of every following page (e.g. a repeated table header); undefined to stop. */
  onPageBreak(fn: ((flow: PageFlow) => void) | undefined): void {
    this.continuation = fn;
  }

  newPage(): void {
    this.pages.push([]);
    this.y = this.geometry.height - this.geometry.top;
    this.continuation?.(this);
  }

  /** Start a new page unless `height` points fit below the cursor. */
  ensure(height: number): void {
    if (this.y - height < this.geometry.bottom && this.y < this.geometry.height - this.geometry.top) this.newPage();
  }

  /** Draw laid-out lines with their first baseline `ascent` below `top`; returns the height used. */
  drawLines(lines: LaidLine[], x: number, top: number, style: TextStyle, color: Rgb = BLACK, align: 'left' | 'right' = 'left', boxWidth = 0): number {
    const leading = lineHeight(style.size);
    lines.forEach((line, i) => {
      const baseline = top - style.size * 0.95 - i * leading;
      const offset = align === 'right' ? boxWidth - line.width : 0;
      for (const run of line.runs) this.page.push({ kind: 'text', x: x + offset + run.x, y: baseline, size: style.size, font: run.font, text: run.text, color });
    });
    return lines.length * leading;
  }

  /** Lay out and draw a paragraph at the cursor, breaking pages between lines; moves the cursor. */
  paragraph(text: string, style: TextStyle, x: number, width: number, color: Rgb = BLACK): void {
    const leading = lineHeight(style.size);
    for (const line of this.text.layout(text, style, width)) {
      this.ensure(leading);
      this.drawLines([line], x, this.y, style, color);
      this.y -= leading;
    }
  }

  rect(x: number, y: number, width: number, height: number, color: Rgb): void {
    this.page.push({ kind: 'rect', x, y, width, height, color });
  }

  rule(x1: number, y: number, x2: number, color: Rgb = [0.7, 0.7, 0.7], width = 0.5): void {
    this.page.push({ kind: 'line', x1, y1: y, x2, y2: y, width, color });
  }
}

/** Baseline-to-baseline distance for a font size. */
export function lineHeight(size: number): number {
  return size * 1.32;
}
