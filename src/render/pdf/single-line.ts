import type { FontFace, Metrics } from "../../fonts/fonts.js";
import type { TextLine } from "./page-plan.js";

/** A single line of text at a position, not wrapped. */
export function line(text: string, face: FontFace, size: number, x: number, y: number, struct: number | null, metrics: Metrics): TextLine {
  return { kind: "text", x, y, size, struct, segments: [{ text, face, underline: false, x: 0, width: metrics.width(text, face, size) }] };
}
