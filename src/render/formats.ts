import type { FormatId, OutputFormat } from "./format.js";

/**
 * Each format is loaded only when asked for. Why: a command pays only for the formats it builds,
 * which is what keeps `ctwg lint` fast and will keep pdfkit out of Markdown builds.
 */
export const FORMAT_LOADERS: Record<FormatId, () => Promise<OutputFormat>> = {
  md: async () => (await import("./markdown.js")).markdown,
  html: async () => (await import("./html.js")).html,
  pdf: async () => (await import("./pdf.js")).pdf,
  docx: async () => (await import("./docx.js")).docx,
};
