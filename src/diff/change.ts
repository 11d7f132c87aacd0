import type { DataPath } from "../diagnostics/diagnostic.js";
import type { Workplan } from "../model/schema.js";
import type { Alignment } from "./align.js";

/** One piece of a word-level diff: words both sides share, or words one side has. */
export interface WordEdit {
  op: "equal" | "insert" | "delete";
  text: string;
}

export type ChangeKind = "added" | "removed" | "changed" | "moved" | "renamed";

/** The parts of the document, in reading order. */
export type Section = "cover" | "title" | "introduction" | "steps" | "cross-cutting" | "deliverables";

/** One side of a change: where the thing is in that workplan, and its text when it is text. */
export interface ChangeSide {
  path: DataPath;
  text?: string;
  /** For list items and deliverables: the 0-based position in their list. */
  index?: number;
}

/**
 * One difference between two workplans, as a reader names it. The JSON output is an array of these,
 * so the shape is a public format: fields are only ever added.
 */
export interface Change {
  kind: ChangeKind;
  section: Section;
  /** "Cover: symbol", "1.2 Hold a workshop on …", "Secure Travel: activity 3". */
  label: string;
  before: ChangeSide | null;
  after: ChangeSide | null;
  /** Word-level edits from `before.text` to `after.text`, for changed text. */
  edits?: WordEdit[];
  /** For a changed or renamed item (a deliverable, an area): what changed inside it. */
  details?: Change[];
}

/** How the deliverables moved from one plan to the other. */
export interface DiffSummary {
  /** Deliverables in both, unchanged (numbers that move with the year aside). */
  carriedOver: number;
  /** Deliverables in both, with edits. */
  edited: number;
  added: number;
  removed: number;
  moved: number;
  renamed: number;
  /** Every change, deliverables and the rest of the document. */
  changes: number;
}

/**
 * What `diffWorkplans` found, with all a format needs to show it. The JSON format prints `before`,
 * `after`, `summary` and `changes`; the plans and their alignment are for formats that lay out a
 * whole plan (the redline), and stay out of the public JSON.
 */
export interface WorkplanDiff {
  before: { label: string; year: number };
  after: { label: string; year: number };
  summary: DiffSummary;
  changes: Change[];
  /** The two plans compared. */
  plans: { before: Workplan; after: Workplan };
  /** How the engine paired the items of every list of the two plans. */
  alignment: Alignment;
}
