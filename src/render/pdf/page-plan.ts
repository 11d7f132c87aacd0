import type { FontFace } from "../../fonts/fonts.js";
import type { LineSegment } from "./text-layout.js";

/**
 * The page plan: everything the PDF shows, placed on pages in points from the top-left corner.
 * Layout makes it from the view without touching pdfkit; paint draws it and does nothing else.
 * Tests read it to check pagination (which row is on which page, where the header repeats).
 */
export interface PagePlan {
  pages: Page[];
  /** The tagged-PDF structure tree, parents before children, in reading order. */
  structure: StructNode[];
  /** Bookmarks, in document order. */
  outline: OutlineEntry[];
}

export interface Page {
  width: number;
  height: number;
  items: PlacedItem[];
}

export type PlacedItem = TextLine | Box;

/** One line of text. `struct` is the structure node it belongs to, or null for an artifact (footers, repeated headers). */
export interface TextLine {
  kind: "text";
  x: number;
  /** Top of the line box. */
  y: number;
  size: number;
  segments: LineSegment[];
  struct: number | null;
  artifact?: "Pagination" | "Layout";
}

/** A rectangle: a frame, a cell border, a header background. Always an artifact. */
export interface Box {
  kind: "box";
  x: number;
  y: number;
  width: number;
  height: number;
  stroke: number | null;
  fill: string | null;
  /** Dash pattern of the stroke, in points; none for a solid line. */
  dash?: [number, number];
  /** Stroke colour; black by default. */
  strokeColor?: string;
}

export type StructType =
  | "Document"
  | "Sect"
  | "Div"
  | "H1"
  | "H2"
  | "H3"
  | "P"
  | "L"
  | "LI"
  | "Lbl"
  | "LBody"
  | "Table"
  | "THead"
  | "TBody"
  | "TR"
  | "TH"
  | "TD"
  | "Figure"
  | "Caption";

export interface StructNode {
  id: number;
  type: StructType;
  parent: number | null;
  /** For TH: whether it heads a column or a row. */
  scope?: "Column" | "Row";
  /** For a Figure: the text a screen reader says instead of the drawing. */
  alt?: string;
  /** For a numbered or lettered L: how its items are numbered, so a screen reader says so. */
  numbering?: "Decimal" | "LowerAlpha";
}

export interface OutlineEntry {
  title: string;
  level: 1 | 2;
  page: number;
}

export type { FontFace };
