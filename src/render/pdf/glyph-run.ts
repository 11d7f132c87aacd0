import type { Font } from "fontkit";
import type { FontFace } from "../../fonts/fonts.js";

/** One run of text in one face and size, placed as layout placed it. */
export interface GlyphRun {
  text: string;
  face: FontFace;
  size: number;
  /** Left end of the run, in points from the page's left edge. */
  x: number;
  /** Top of the line box, in points from the page's top edge; the baseline is the face's ascent below it. */
  top: number;
  color: string;
  underline: boolean;
}

/**
 * The parts of pdfkit's embedded font that a run writes to. Why reach into them: pdfkit subsets
 * the font and writes its widths and its ToUnicode map from these when the document ends, so a
 * glyph not entered here would be missing from the file, or copy out as the wrong character.
 */
interface EmbeddedFont {
  /** The font's resource name on a page. */
  id: string;
  font: Font;
  /** Font units to thousandths of an em. */
  scale: number;
  /** In thousandths of an em. */
  ascender: number;
  descender: number;
  subset: { includeGlyph(glyphId: number): number };
  widths: (number | undefined)[];
  unicode: (number[] | undefined)[];
  ref(): unknown;
}

interface DocumentInternals {
  _font: EmbeddedFont;
  page: { height: number; fonts: Record<string, unknown> };
}

/** A glyph ready to write: its code in the subset, its width in the font's widths array, the pen's advance after it and its shift from the pen (thousandths of an em). */
interface PlacedGlyph {
  code: string;
  width: number;
  advance: number;
  dx: number;
  dy: number;
}

/** A face as one document writes it: pdfkit's font, and each character's glyph in it, looked up once. */
interface FaceInDocument {
  embedded: EmbeddedFont;
  byChar: Map<string, PlacedGlyph>;
}

/**
 * Why shaping only here: a combining mark with no precomposed form (layout composes the rest)
 * sits where the font's mark positioning puts it, which the character map alone does not say.
 */
const COMBINING_MARK = /\p{M}/u;

/**
 * Makes the writer of one document's text runs. Each character becomes the glyph the font's
 * character map gives it, the glyph layout measured, written at the glyph's own advance. Why not
 * pdfkit's text call: it shapes every run twice (to measure, then to encode), which costs far more
 * than everything else in the PDF, and kerns, so the page would not show the widths layout used.
 */
export function glyphRunWriter(doc: PDFKit.PDFDocument): (run: GlyphRun) => void {
  const internals = doc as unknown as DocumentInternals;
  const faces = new Map<FontFace, FaceInDocument>();
  const faceFor = (face: FontFace): FaceInDocument => {
    let known = faces.get(face);
    if (!known) {
      // Through pdfkit's own call once, so the font is opened, subset and embedded as pdfkit does it.
      doc.font(face);
      known = { embedded: internals._font, byChar: new Map() };
      faces.set(face, known);
    }
    return known;
  };

  return (run) => {
    if (run.text === "") return;
    const face = faceFor(run.face);
    const glyphs = COMBINING_MARK.test(run.text) ? shapedGlyphs(face.embedded, run.text) : mappedGlyphs(face, run.text);
    const width = (glyphs.reduce((sum, glyph) => sum + glyph.advance, 0) * run.size) / 1000;
    const { embedded } = face;
    const page = internals.page;
    page.fonts[embedded.id] ??= embedded.ref();

    doc.fillColor(run.color);
    if (run.underline) underline(doc, embedded, run, width);
    // The same frame as pdfkit's text: the page's top-down space flipped back, the baseline an ascent
    // below the top. Written as it is, not through pdfkit's save and transform, since it is undone at once.
    const baseline = page.height - run.top - (embedded.ascender / 1000) * run.size;
    doc.addContent("q");
    doc.addContent(`1 0 0 -1 0 ${number(page.height)} cm`);
    doc.addContent("BT");
    doc.addContent(`1 0 0 1 ${number(run.x)} ${number(baseline)} Tm`);
    doc.addContent(`/${embedded.id} ${number(run.size)} Tf`);
    writeGlyphs(doc, glyphs, run.x, baseline, run.size);
    doc.addContent("ET");
    doc.addContent("Q");
  };
}

/** The glyphs the character map gives, each entered in the subset the first time it is used in the document. */
function mappedGlyphs(face: FaceInDocument, text: string): PlacedGlyph[] {
  const glyphs: PlacedGlyph[] = [];
  for (const char of text) {
    let placed = face.byChar.get(char);
    if (!placed) {
      const codePoint = char.codePointAt(0)!;
      // A character the font lacks gets its missing glyph, as shaping would give it; the glyph-coverage check reports it before a build gets here.
      const glyph = face.embedded.font.glyphForCodePoint(codePoint);
      const width = glyph.advanceWidth * face.embedded.scale;
      placed = { code: enterGlyph(face.embedded, glyph.id, [codePoint], glyph.advanceWidth), width, advance: width, dx: 0, dy: 0 };
      face.byChar.set(char, placed);
    }
    glyphs.push(placed);
  }
  return glyphs;
}

/** The glyphs and positions of the font's own shaping, kerning left out so the advances stay those layout measured. */
function shapedGlyphs(embedded: EmbeddedFont, text: string): PlacedGlyph[] {
  const run = embedded.font.layout(text, { kern: false });
  return run.glyphs.map((glyph, i) => {
    const position = run.positions[i]!;
    return {
      code: enterGlyph(embedded, glyph.id, glyph.codePoints, glyph.advanceWidth),
      width: glyph.advanceWidth * embedded.scale,
      advance: position.xAdvance * embedded.scale,
      dx: position.xOffset * embedded.scale,
      dy: position.yOffset * embedded.scale,
    };
  });
}

/**
 * Enters a glyph in pdfkit's subset as its own encoder does: the subset's glyph number is the
 * code written, and the first use of a number gives its width and the characters it copies as.
 */
function enterGlyph(embedded: EmbeddedFont, glyphId: number, codePoints: number[], advanceWidth: number): string {
  const gid = embedded.subset.includeGlyph(glyphId);
  embedded.widths[gid] ??= advanceWidth * embedded.scale;
  embedded.unicode[gid] ??= codePoints;
  return gid.toString(16).padStart(4, "0");
}

/**
 * Writes the glyphs from the run's start. Text that runs at the glyphs' own widths, as nearly all
 * does, is one string; a glyph shaping moves off the pen (a combining mark) is set on its own.
 */
function writeGlyphs(doc: PDFKit.PDFDocument, glyphs: readonly PlacedGlyph[], x: number, baseline: number, size: number): void {
  const scale = size / 1000;
  const parts: string[] = [];
  let codes = "";
  let pen = x;
  let moved = false;
  const flush = () => {
    if (codes) parts.push(`<${codes}>`);
    codes = "";
    if (parts.length === 1 && parts[0]!.startsWith("<")) doc.addContent(`${parts[0]} Tj`);
    else if (parts.length > 0) doc.addContent(`[${parts.join(" ")}] TJ`);
    parts.length = 0;
  };
  for (const glyph of glyphs) {
    if (glyph.dx || glyph.dy) {
      flush();
      doc.addContent(`1 0 0 1 ${number(pen + glyph.dx * scale)} ${number(baseline + glyph.dy * scale)} Tm`);
      doc.addContent(`<${glyph.code}> Tj`);
      moved = true;
    } else {
      if (moved) {
        doc.addContent(`1 0 0 1 ${number(pen)} ${number(baseline)} Tm`);
        moved = false;
      }
      codes += glyph.code;
      if (glyph.advance !== glyph.width) {
        parts.push(`<${codes}>`, number(glyph.width - glyph.advance));
        codes = "";
      }
    }
    pen += glyph.advance * scale;
  }
  flush();
}

/** pdfkit's underline, so underlined text looks as it did: a tenth of the size thick (half a point below 10 pt), centred its thickness above the face's descent. */
function underline(doc: PDFKit.PDFDocument, embedded: EmbeddedFont, run: GlyphRun, width: number): void {
  const thickness = run.size < 10 ? 0.5 : Math.floor(run.size / 10);
  const y = run.top + ((embedded.ascender - embedded.descender) / 1000) * run.size - thickness;
  doc.save().strokeColor(run.color).lineWidth(thickness);
  doc
    .moveTo(run.x, y)
    .lineTo(run.x + width, y)
    .stroke();
  doc.restore();
}

/** A number as pdfkit writes one in a content stream: rounded to six decimals. */
const number = (value: number): string => String(Math.round(value * 1e6) / 1e6);
