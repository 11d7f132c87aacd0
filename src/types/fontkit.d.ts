// The small part of fontkit's API that ctwg uses; the package ships no types.
declare module "fontkit" {
  export interface Glyph {
    id: number;
    advanceWidth: number;
    /** The characters the glyph stands for, what a PDF's ToUnicode map gives back when the text is copied. */
    codePoints: number[];
  }
  /** Where shaping puts a glyph, in font units: the pen's advance after it, and its shift from the pen. */
  export interface GlyphPosition {
    xAdvance: number;
    yAdvance: number;
    xOffset: number;
    yOffset: number;
  }
  export interface GlyphRun {
    advanceWidth: number;
    glyphs: Glyph[];
    positions: GlyphPosition[];
  }
  export interface Font {
    unitsPerEm: number;
    ascent: number;
    descent: number;
    lineGap: number;
    postscriptName: string;
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
    layout(text: string, features?: string[] | Record<string, boolean>): GlyphRun;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
