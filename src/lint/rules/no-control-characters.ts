import type { DataPath } from "../../diagnostics/diagnostic.js";
import { CONTROL_CHARACTERS, printedControl } from "../../model/invisible.js";
import { planStrings } from "../../model/prose.js";
import { defineRule, type Finding } from "../rule.js";

/**
 * No control characters (C0 but tab and line feed, DEL, C1) in any text of the plan: an ESC starts a
 * terminal sequence when the Markdown is shown with `cat`, a BEL rings, and the HTML and PDF cannot
 * carry them. The documents drop them (a carriage return, form feed, vertical tab or NEL prints as
 * a space); this rule says where they are, so the file says what it prints. Fixable.
 * Why every string and not only the prose: symbols, headings, column titles and keywords print too.
 *
 * Passes: "Hold a workshop". Fails: "Hold a\u001b[31m workshop".
 */
export const noControlCharacters = defineRule({
  meta: {
    id: "no-control-characters",
    severity: "warning",
    description: "No control characters (ESC, BEL, a stray carriage return, …) in any text.",
    help: "They can run as terminal commands and print as nothing; remove them (`ctwg lint --fix`).",
    fixable: true,
  },
  create({ report }) {
    return {
      workplan(workplan) {
        for (const { text, path } of planStrings(workplan)) controlRuns(text, path).forEach(report);
      },
    };
  },
  examples: {
    pass: [{ title: "the 2017 plan", edit: () => {} }],
    fail: [
      {
        title: "an escape sequence in a deliverable",
        edit: (w) => {
          w.deliverables[4]!.text = "Agree on \u001b[2JCTWG Strategic Plan 2018-2022";
        },
      },
      {
        title: "a bell in a heading of the layout",
        edit: (w) => {
          w.document.headings.annex = "Annex:\u0007 Acronyms";
        },
      },
      {
        title: "a carriage return in a column title",
        edit: (w) => {
          w.document.columns = [{ title: "Title\r", field: "title" }];
        },
      },
      {
        title: "a C1 control in the symbol",
        edit: (w) => {
          w.cover.symbol = "2017/SOM1/\u009bSCE-COW/002";
        },
      },
    ],
  },
});

/** The most findings one text draws. Why: a value of a million control characters must not cost a million located findings. */
const MAX_PER_TEXT = 20;

/** A finding for each run of control characters in `text`, the last of them counting any beyond MAX_PER_TEXT. */
function controlRuns(text: string, path: DataPath): Finding[] {
  const matches = [...text.matchAll(CONTROL_CHARACTERS)];
  return matches.slice(0, MAX_PER_TEXT).map((match, i) => {
    const at = { start: match.index, end: match.index + match[0].length };
    const printed = printedControl(match[0], match.index, text);
    const more = i === MAX_PER_TEXT - 1 ? matches.length - MAX_PER_TEXT : 0;
    return {
      path,
      at,
      message: `${describeRun(match[0])} in the text${more > 0 ? ` (and ${more} more runs of them after it)` : ""}`,
      hint: `${printed ? "replace it with a space" : "remove it"}; ctwg lint --fix does it`,
      fix: [{ kind: "replace-text", path, ...at, text: printed }],
    };
  });
}

/** "a control character, U+001B (escape), is"; "3 control characters, U+001B (escape), U+0007 (bell), are". */
function describeRun(run: string): string {
  const distinct = [...new Set(run)];
  const codes = distinct.slice(0, 3).map(describeCharacter).join(", ") + (distinct.length > 3 ? ", …" : "");
  return run.length === 1 ? `a control character, ${codes}, is` : `${run.length} control characters, ${codes}, are`;
}

/** The characters people meet by name. */
const NAMES: Record<number, string> = {
  0x07: "bell",
  0x08: "backspace",
  0x0b: "vertical tab",
  0x0c: "form feed",
  0x0d: "carriage return",
  0x1b: "escape",
  0x7f: "delete",
  0x85: "next line",
};

/** "U+001B (escape)", "U+0003". */
const describeCharacter = (char: string) => {
  const code = char.codePointAt(0)!;
  const name = NAMES[code];
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}${name ? ` (${name})` : ""}`;
};
