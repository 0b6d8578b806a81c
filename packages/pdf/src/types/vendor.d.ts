// Minimal declarations for the parts of untyped dependencies xlic uses (internal only).

declare module 'fontkit' {
  export interface FontkitGlyph {
    id: number;
    codePoints: number[];
    advanceWidth: number;
  }
  export interface FontkitGlyphRun {
    glyphs: FontkitGlyph[];
    positions: Array<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }>;
  }
  export interface FontkitSubset {
    includeGlyph(glyph: number | FontkitGlyph): number;
    encode(): Uint8Array;
    cff?: unknown;
  }
  export interface FontkitFont {
    postscriptName: string;
    unitsPerEm: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string, features?: unknown, script?: string, language?: string, direction?: string): FontkitGlyphRun;
    createSubset(): FontkitSubset;
  }
  export function create(data: Uint8Array, postscriptName?: string): FontkitFont;
}

declare module 'qrcode/lib/core/qrcode.js' {
  interface BitMatrix {
    size: number;
    data: Uint8Array;
    get(row: number, col: number): number | boolean;
  }
  const core: {
    create(
      data: string | Array<{ data: string; mode: 'alphanumeric' | 'byte' | 'numeric' }>,
      options: { errorCorrectionLevel: 'L' | 'M' | 'Q' | 'H'; version?: number; maskPattern?: number },
    ): { modules: BitMatrix; version: number; errorCorrectionLevel: unknown; maskPattern: number };
  };
  export default core;
}

// The two Node built-ins fonts.node.ts uses, declared here so the package keeps compiling with
// "types": [] (Node globals must not type-check in runtime-neutral files).
declare module 'node:fs/promises' {
  export function readFile(path: string): Promise<Uint8Array>;
}
declare module 'node:module' {
  export function createRequire(url: string): { resolve(id: string): string };
}
