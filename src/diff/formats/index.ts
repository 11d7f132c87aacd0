import type { DiffFormatter } from "./formatter.js";

export type { DiffFormatOptions, DiffFormatter } from "./formatter.js";

/** The diff formats `ctwg diff --format` accepts. */
export const DIFF_FORMAT_IDS = ["text", "md", "html", "json", "docx"] as const;
export type DiffFormatId = (typeof DIFF_FORMAT_IDS)[number];

/** What a format prints: text, or for Word the bytes of a file. */
export type DiffOutput<Id extends DiffFormatId> = Id extends "docx" ? Uint8Array : string;

/**
 * Each diff format by name, loaded only when asked for. Why lazy: the html one pulls in the renderer
 * and Handlebars, which a diff in the terminal should not pay for.
 */
export const DIFF_FORMATS: { [Id in DiffFormatId]: () => Promise<DiffFormatter<DiffOutput<Id>>> } = {
  text: async () => (await import("./text.js")).formatDiffText,
  md: async () => (await import("./markdown.js")).formatDiffMarkdown,
  html: async () => (await import("./html.js")).formatDiffHtml,
  json: async () => (await import("./json.js")).formatDiffJson,
  docx: async () => (await import("./docx.js")).formatDiffDocx,
};
