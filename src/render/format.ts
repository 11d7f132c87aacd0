import type { WorkplanView } from "./view.js";

/** An output format: one file of each kind per workplan. */
export interface OutputFormat {
  id: FormatId;
  extension: string;
  render(view: WorkplanView): string | Uint8Array | Promise<string | Uint8Array>;
}

export const FORMAT_IDS = ["md", "html"] as const;
export type FormatId = (typeof FORMAT_IDS)[number];
