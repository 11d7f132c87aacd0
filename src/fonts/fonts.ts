import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { create, type Font } from "fontkit";
import { CONTROL_CHARACTERS, INVISIBLE_CHARACTERS } from "../model/invisible.js";

/** The four faces a document uses. */
export type FontFace = "regular" | "bold" | "italic" | "boldItalic";
export const FONT_FACES: readonly FontFace[] = ["regular", "bold", "italic", "boldItalic"];

/**
 * Arimo: metric-compatible with Arial (the face APEC documents are set in), a whole TTF family with
 * Latin, Vietnamese, Cyrillic and Greek. Why not the PDF base fonts: they cannot write "Việt Nam".
 */
const FILES: Record<FontFace, string> = {
  regular: "@expo-google-fonts/arimo/400Regular/Arimo_400Regular.ttf",
  bold: "@expo-google-fonts/arimo/700Bold/Arimo_700Bold.ttf",
  italic: "@expo-google-fonts/arimo/400Regular_Italic/Arimo_400Regular_Italic.ttf",
  boldItalic: "@expo-google-fonts/arimo/700Bold_Italic/Arimo_700Bold_Italic.ttf",
};

/** A loaded face: the file's bytes (for embedding) and the parsed font (for measuring). */
export interface LoadedFace {
  bytes: Uint8Array;
  font: Font;
}

export type FontSet = Record<FontFace, LoadedFace>;

let cached: FontSet | undefined;

/** Loads the four faces once per process. Why cache: a multi-year build would parse them per year. */
export function loadFonts(): FontSet {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const load = (face: FontFace): LoadedFace => {
    const bytes = readFileSync(require.resolve(FILES[face]));
    return { bytes, font: create(bytes) };
  };
  cached = { regular: load("regular"), bold: load("bold"), italic: load("italic"), boldItalic: load("boldItalic") };
  return cached;
}

/** Text measurement, the only thing layout needs to know about fonts. */
export interface Metrics {
  /** Width in points of `text` set in `face` at `size`, as the paint step will draw it. */
  width(text: string, face: FontFace, size: number): number;
  /** Distance from the top of a line box to the baseline. */
  ascent(face: FontFace, size: number): number;
}

/**
 * Metrics from the real fonts: the sum of the glyphs' advances, read once a character. Why not
 * shaping each text: shaping costs a thousand times more, and its only difference for these scripts
 * is kerning; the paint step writes these same glyphs at these same advances, so a line is drawn
 * exactly as wide as it was measured.
 */
export function metricsFor(fonts: FontSet): Metrics {
  const advances = new Map<string, number>();
  const advance = (face: FontFace, char: string): number => {
    const key = face + char;
    let units = advances.get(key);
    if (units === undefined) {
      const { font } = fonts[face];
      units = (font.glyphForCodePoint(char.codePointAt(0)!).advanceWidth * 1000) / font.unitsPerEm;
      advances.set(key, units);
    }
    return units;
  };
  return {
    width(text, face, size) {
      let units = 0;
      for (const char of text) units += advance(face, char);
      return (units * size) / 1000;
    },
    ascent(face, size) {
      const { font } = fonts[face];
      return (font.ascent / font.unitsPerEm) * size;
    },
  };
}

/** The characters of `text` that no face can draw, each once, in order of appearance. */
export function missingGlyphs(text: string, fonts: FontSet): string[] {
  const missing: string[] = [];
  for (const char of new Set(text.normalize("NFC"))) {
    const codePoint = char.codePointAt(0)!;
    if (isIgnorable(codePoint)) continue;
    if (!FONT_FACES.every((face) => fonts[face].font.hasGlyphForCodePoint(codePoint))) missing.push(char);
  }
  return missing;
}

/**
 * Characters that have no glyph by nature: the invisible and control characters the documents drop,
 * tab and line feed (the layout breaks or spaces there), and joiners.
 */
const DROPPED = new RegExp(`${INVISIBLE_CHARACTERS.source}|${CONTROL_CHARACTERS.source}|[\\t\\n\u200c\u200d]`); // no /g: `test` must not carry state between calls
const isIgnorable = (codePoint: number) => DROPPED.test(String.fromCodePoint(codePoint));
