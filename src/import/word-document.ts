/** The model of a Word file's text that import works on, and what cannot be read of one. */

/**
 * What cannot be read, as two sentences. The message reads after the file's name, which the caller
 * knows and this module does not ("report.docx is protected with a password…"); the hint says what to do.
 */
export interface DocxProblem {
  message: string;
  hint: string;
}

/** The text of a Word document, with just enough of its structure to find a work plan in it. */
export interface WordDocument {
  /** Body paragraphs in document order, those in table cells and text boxes included. */
  paragraphs: WordParagraph[];
  /** docProps/custom.xml: property name → its value as text; empty when the part is absent. */
  customProperties: Map<string, string>;
  /** docProps/core.xml; a property absent or empty there is absent here. */
  coreProperties: { title?: string; subject?: string; creator?: string; keywords?: string };
}

export interface WordParagraph {
  /** 1-based position among all body paragraphs, as a person would count them from the top. */
  number: number;
  /** Where it is: null for the main flow; for a table cell, the table's 1-based index in the document, the row and the column (1-based). */
  cell: { table: number; row: number; column: number } | null;
  /** The w:pStyle value, e.g. "Heading1", "ListParagraph". */
  style: string | null;
  pieces: WordPiece[];
}

/**
 * A stretch of text, or a bookmark's edge. Adjacent text alike in format and insertion is one piece.
 * A paragraph whose mark is a tracked deletion is joined with the next one in its flow, keeping the
 * first one's number, cell and style, as accepting the deletion would.
 */
export interface WordPiece {
  kind: "text" | "bookmarkStart" | "bookmarkEnd";
  /** "" for bookmark markers. */
  text: string;
  /** The bookmark's name, for bookmarkStart and bookmarkEnd alike. */
  bookmark?: string;
  /** Inside w:ins or w:moveTo: a tracked insertion not yet accepted. */
  inserted: boolean;
  /** From the run's own w:rPr (direct formatting only); `other` is any of colour, highlight, shading, size, font, raised or lowered, capitals. */
  format: { italic: boolean; bold: boolean; underline: boolean; strike: boolean; other: boolean };
}
