import type { Paint } from "../../diagnostics/formatters/formatter.js";
import type { WorkplanDiff } from "../change.js";

/** What a diff format may be told; formats that print no colour ignore it. */
export interface DiffFormatOptions {
  paint: Paint;
  /** Strike and underline with colour instead of `[-…-]{+…+}` (a colour terminal). */
  colour: boolean;
  /** Who a Word redline's tracked changes are by (default "ctwg"). */
  author?: string;
  /** The date of a Word redline's changes (default: the later plan's date). */
  timestamp?: Date;
}

/**
 * A diff format: the diff in, the text printed out, like the diagnostics formatters. Why it may be
 * async: the redlines render through the HTML and Word document formats, which are. Word's is bytes.
 */
export type DiffFormatter<Out extends string | Uint8Array = string> = (
  diff: WorkplanDiff,
  options: DiffFormatOptions,
) => Out | Promise<Out>;
