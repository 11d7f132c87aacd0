import type { ListStyle } from "../model/document-shape.js";

/**
 * The label of a numbered or lettered list's index-th item: "3." or "(c)"; undefined for bullets,
 * which each format draws its own way. One function for every format, so the Markdown, the HTML
 * (whose stylesheet counts the same way) and the PDF number alike.
 */
export function orderedMarker(style: ListStyle, index: number): string | undefined {
  if (style === "number") return `${index + 1}.`;
  if (style === "letter") return `(${letters(index)})`;
  return undefined;
}

/** a, b, … z, aa, ab: the letters of the index-th item, as CSS `lower-alpha` counts. */
function letters(index: number): string {
  const rest = Math.floor(index / 26);
  return (rest > 0 ? letters(rest - 1) : "") + String.fromCharCode(97 + (index % 26));
}
