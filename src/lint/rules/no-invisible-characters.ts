import { INVISIBLE_CHARACTERS } from "../../model/invisible.js";
import { planStrings } from "../../model/prose.js";
import { defineRule } from "../rule.js";

/**
 * No invisible control characters in the text: a right-to-left override can make a sentence display
 * in another order than it is written, and zero-width characters break search. The documents drop
 * them when printing; this rule says where they are, so the file says what it prints. Fixable.
 * Why every string and not only the prose: the symbol, the layout's headings and column titles print too.
 *
 * Passes: "Hold a workshop". Fails: "Hold a\u202e workshop".
 */
export const noInvisibleCharacters = defineRule({
  meta: {
    id: "no-invisible-characters",
    severity: "warning",
    description: "No invisible direction or zero-width characters in the text.",
    help: "They change how text displays without showing themselves; remove them (`ctwg lint --fix`).",
    fixable: true,
  },
  create({ report }) {
    return {
      workplan(workplan) {
        for (const part of planStrings(workplan)) {
          for (const match of part.text.matchAll(INVISIBLE_CHARACTERS)) {
            const code = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
            const at = { start: match.index!, end: match.index! + match[0].length };
            report({
              path: part.path,
              at,
              message: `an invisible character, U+${code}, is in the text`,
              hint: "remove it; ctwg lint --fix does it",
              fix: [{ kind: "replace-text", path: part.path, ...at, text: "" }],
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
        title: "a right-to-left override",
        edit: (w) => {
          w.deliverables[4]!.text = "Agree on \u202eCTWG Strategic Plan 2018-2022";
        },
      },
      { title: "a zero-width space", edit: (w) => void w.introduction.steps.push("Increase\u200b cooperation") },
      {
        title: "a byte-order mark in a heading of the layout",
        edit: (w) => {
          w.document.headings.plans = "Itemized\ufeff Work Plans";
        },
      },
    ],
  },
});
