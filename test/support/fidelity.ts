/**
 * How much of a source document's text survives in a rendered one:
 * cut the source into fragments (lines, table cells, sentences, text between tags), reduce both sides
 * to lowercase words, and call a fragment missing when its word sequence does not appear in the
 * rendered words.
 */

/** Visible text of an HTML document: styles and scripts dropped, tags removed, entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(parseInt(dec, 10)))
    .replace(/&amp;/g, "&");
}

/** Lowercase letters and digits; "9 th" (a superscript split off in the source) joins back to "9th". */
export function words(text: string): string[] {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/(\d)\s+(st|nd|rd|th)\b/g, "$1$2")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
}

/** The source's fragments as word sequences, two words or more, each once. */
export function fragments(source: string): string[] {
  const pieces = source
    .replace(/<[^>]+>/g, "\n")
    .split(/\n|\t/)
    .flatMap((line) => line.split(/(?<=[.;:])\s+(?=[A-Z])|-\s+(?=[A-Z])/))
    .map((piece) => words(piece).join(" "))
    .filter((piece) => piece.includes(" "));
  return [...new Set(pieces)];
}

/** The fragments of `source` whose words do not appear, in order, in `rendered`. */
export function missingFragments(source: string, rendered: string): string[] {
  const haystack = ` ${words(rendered).join(" ")} `;
  return fragments(source).filter((fragment) => !haystack.includes(` ${fragment} `));
}
