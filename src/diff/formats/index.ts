import type { DiffFormatter } from "./formatter.js";

export type { DiffFormatOptions, DiffFormatter } from "./formatter.js";

/** The diff formats `ctwg diff --format` accepts. */
export const DIFF_FORMAT_IDS = ["text", "md", "html", "json"] as const;
export type DiffFormatId = (typeof DIFF_FORMAT_IDS)[number];

/**
 * Each diff format by name, loaded only when asked for. Why lazy: the html one pulls in the renderer
 * and Handlebars, which a diff in the terminal should not pay for.
 */
export const DIFF_FORMATS: Record<DiffFormatId, () => Promise<DiffFormatter>> = {
  text: async () => (await import("./text.js")).formatDiffText,
  md: async () => (await import("./markdown.js")).formatDiffMarkdown,
  html: async () => (await import("./html.js")).formatDiffHtml,
  json: async () => (await import("./json.js")).formatDiffJson,
};
