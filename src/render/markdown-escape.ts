import { CONTROL_CHARACTERS, printedControl } from "../model/invisible.js";
import type { Run } from "./view.js";

/**
 * Escapes text so Markdown prints it as written and it cannot change the document's structure.
 * Why backslashes on a chosen set and not on all punctuation: the Markdown is also read as plain
 * text in the repository, and "21\-22 February" reads badly. These are the characters that open
 * inline markup (emphasis, code, links, raw HTML, table cells, strikethrough); line breaks become
 * spaces, since a new line could start a heading or a list. Control characters go, as in the
 * view; why here too: the diff's Markdown escapes plan text with this function and no view.
 */
export function escapeInline(text: string): string {
  return text
    .replace(CONTROL_CHARACTERS, printedControl)
    .replace(/\s*[\r\n]+\s*/g, " ")
    .replace(/[\\`*_[\]<>|~]/g, "\\$&")
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, "&amp;");
}

/**
 * Escapes what would open a block where the text begins a line or a list item: `#` (heading),
 * `>` (quote), `-`/`+` (bullet), `1.`/`1)` (numbered list), `=` (heading underline).
 */
export function escapeLineStart(markdown: string): string {
  // Leading spaces go: four of them would make an indented code block.
  return markdown
    .trimStart()
    .replace(/^([#>+\-=])/, "\\$1")
    .replace(/^(\d+)([.)])/, "$1\\$2");
}

/** Text of an ATX heading: inline escapes, and a trailing ` #`, which Markdown would take as a closing marker. */
export function escapeHeading(text: string): string {
  return headingEnd(escapeInline(text));
}

/** Runs as the text of an ATX heading. */
export const headingToMarkdown = (runs: readonly Run[]) => headingEnd(runsToMarkdown(runs));

const headingEnd = (markdown: string) => markdown.replace(/(\s)#(#*\s*)$/, "$1\\#$2");

/** Runs as inline Markdown: emphasis as `*…*`, with spaces kept outside the markers so they still apply. */
export function runsToMarkdown(runs: readonly Run[]): string {
  return runs
    .map(({ text, em }) => {
      if (!em) return escapeInline(text);
      const [, before, inner, after] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
      // The spaces around the emphasis stay outside its markers, as one space: a line break there
      // would end the paragraph, or start a block.
      const space = (whitespace: string | undefined) => (whitespace ? " " : "");
      return inner ? `${space(before)}*${escapeInline(inner!)}*${space(after)}` : space(text);
    })
    .join("");
}

/** Runs that begin a line: a paragraph or a list item. */
export const blockToMarkdown = (runs: readonly Run[]) => escapeLineStart(runsToMarkdown(runs));
