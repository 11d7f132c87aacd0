import type { Paint } from "../../diagnostics/formatters/formatter.js";
import type { WorkplanDiff } from "../change.js";

/** What a diff format may be told; formats that print no colour ignore it. */
export interface DiffFormatOptions {
  paint: Paint;
  /** Strike and underline with colour instead of `[-…-]{+…+}` (a colour terminal). */
  colour: boolean;
}

/**
 * A diff format: the diff in, the text printed out, like the diagnostics formatters. Why it may be
 * async: the redline renders through the HTML document format, which is.
 */
export type DiffFormatter = (diff: WorkplanDiff, options: DiffFormatOptions) => string | Promise<string>;
