import type { WorkplanView } from "./view.js";

/** An output format: one file of each kind per workplan. */
export interface OutputFormat {
  id: FormatId;
  extension: string;
  render(view: WorkplanView, options?: RenderOptions): string | Uint8Array | Promise<string | Uint8Array>;
}

/** Settings that come from outside the workplan. */
export interface RenderOptions {
  /** The date stamped into formats that carry one (PDF); defaults to the meeting date. */
  timestamp?: Date;
  /** Who a redline's tracked changes are by (Word); default "ctwg". */
  revisionAuthor?: string;
}

export const FORMAT_IDS = ["md", "html", "pdf", "docx"] as const;
export type FormatId = (typeof FORMAT_IDS)[number];
