import type { DataPath, Diagnostic } from "../diagnostics/diagnostic.js";
import type { Workplan } from "../model/schema.js";
import { loadFonts, missingGlyphs } from "../fonts/fonts.js";

/** A character the PDF fonts cannot draw, where it is in the data, and the character to point at. */
export interface GlyphProblem extends Omit<Diagnostic, "file" | "span"> {
  needle: string;
}

/**
 * Every character of the workplan's text that the PDF's fonts have no glyph for. Why before
 * layout: a missing glyph prints as a blank box with no error from pdfkit, so the only way to
 * catch it is to look for it, and the author needs to know where it is.
 */
export function checkGlyphCoverage(workplan: Workplan): GlyphProblem[] {
  const fonts = loadFonts();
  const problems: GlyphProblem[] = [];
  walkStrings(workplan, [], (text, path) => {
    for (const char of missingGlyphs(text, fonts)) {
      const codePoint = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
      problems.push({
        ruleId: "pdf/missing-glyph",
        severity: "error",
        message: `the PDF's fonts cannot draw "${char}" (U+${codePoint}); it would print as a blank box`,
        path,
        hint: "the fonts cover Latin (with Vietnamese), Cyrillic and Greek; replace the character, or build without PDF: --format md,html",
        needle: char,
      });
    }
  });
  return problems;
}

function walkStrings(value: unknown, path: DataPath, visit: (text: string, path: DataPath) => void): void {
  if (typeof value === "string") visit(value, path);
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) walkStrings(item, [...path, i], visit);
  else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) walkStrings(item, [...path, key], visit);
  }
}
