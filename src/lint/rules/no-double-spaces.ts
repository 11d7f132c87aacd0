import { defineRule } from "../rule.js";

/**
 * No doubled spaces inside a text: they print as a wider gap in HTML's neighbours (PDF, Markdown
 * tables) and usually mark a deleted word. Fixable: `--fix` makes them one.
 *
 * Passes: "Hold a workshop". Fails: "Hold a  workshop".
 */
export const noDoubleSpaces = defineRule({
  meta: {
    id: "no-double-spaces",
    severity: "warning",
    description: "No two spaces in a row inside a text.",
    help: "A doubled space often marks a deleted word: check the sentence, then make it one space (`ctwg lint --fix`).",
    fixable: true,
  },
  create({ report }) {
    return {
      text({ parts }) {
        for (const part of parts) {
          if (!part.text.includes("  ")) continue;
          for (const match of part.text.matchAll(/(?<=\S) {2,}(?=\S)/g)) {
            report({
              path: part.path,
              at: { start: match.index!, end: match.index! + match[0].length },
              message: `${match[0].length} spaces in a row`,
              hint: "make it one space; ctwg lint --fix does it",
              fix: [{ kind: "replace-text", path: part.path, start: match.index!, end: match.index! + match[0].length, text: " " }],
            });
          }
        }
      },
    };
  },
  examples: {
    pass: [{ title: "the 2017 plan", edit: () => {} }],
    fail: [
      {
        title: "a doubled space",
        edit: (w) => {
          w.deliverables[4]!.text = "Agree on CTWG  Strategic Plan 2018-2022";
        },
      },
    ],
  },
});
