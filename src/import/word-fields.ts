import { isCtwgBookmark } from "../render/docx/bookmark-names.js";
import type { WordDocument, WordParagraph, WordPiece } from "./word-document.js";

/** The text a ctwg bookmark holds: one workplan string as the Word file has it now. */
export interface FieldText {
  name: string;
  text: string;
  /** Each look its text has ("italic", "bold+underline", "" for plain), to tell formatting added in Word. */
  looks: Set<string>;
  /** The paragraph it starts in. */
  paragraph: WordParagraph;
  /** How many paragraphs it runs over: more than one when a paragraph was split inside it. */
  paragraphs: number;
}

/** A paragraph as text outside the bookmarks and the bookmarks in it, in order. */
export interface ParagraphShape {
  paragraph: WordParagraph;
  /** Outside text and bookmark names alternate, starting and ending with outside text (maybe ""). */
  outside: string[];
  bookmarks: string[];
}

/** The fields of a Word file ctwg wrote, and the shape of each paragraph around them. */
export function wordFields(document: WordDocument): { fields: Map<string, FieldText>; shapes: ParagraphShape[] } {
  const fields = new Map<string, FieldText>();
  const shapes: ParagraphShape[] = [];
  const open = new Set<FieldText>();
  for (const paragraph of document.paragraphs) {
    const shape: ParagraphShape = { paragraph, outside: [""], bookmarks: [] };
    for (const field of open) {
      // A bookmark that starts at a paragraph's very end (LibreOffice puts it there before a page break) begins in the next one.
      if (field.text === "") field.paragraph = paragraph;
      else {
        field.paragraphs++;
        field.text += "\n";
      }
    }
    for (const piece of paragraph.pieces) {
      if (piece.kind === "text") {
        if (open.size === 0) shape.outside[shape.outside.length - 1] += piece.text;
        for (const field of open) {
          field.text += piece.text;
          if (piece.text.trim()) field.looks.add(lookOf(piece));
        }
      } else if (piece.bookmark && isCtwgBookmark(piece.bookmark)) {
        const name = piece.bookmark;
        if (piece.kind === "bookmarkStart" && !fields.has(name)) {
          const field: FieldText = { name, text: "", looks: new Set(), paragraph, paragraphs: 1 };
          fields.set(name, field);
          open.add(field);
          shape.bookmarks.push(name);
          shape.outside.push("");
        } else if (piece.kind === "bookmarkEnd") {
          const field = fields.get(name);
          if (field) open.delete(field);
        }
      }
    }
    shapes.push(shape);
  }
  // Likewise a bookmark that ends at the start of the next paragraph ends in the one before.
  for (const field of fields.values()) {
    while (field.text.endsWith("\n") && field.paragraphs > 1) {
      field.text = field.text.slice(0, -1);
      field.paragraphs--;
    }
  }
  return { fields, shapes };
}

/** A piece's direct formatting as one word. */
export function lookOf(piece: WordPiece): string {
  const { italic, bold, underline, strike, other } = piece.format;
  return Object.entries({ italic, bold, underline, strike, other })
    .filter(([, on]) => on)
    .map(([name]) => name)
    .join("+");
}
