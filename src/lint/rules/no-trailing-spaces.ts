import { defineRule } from "../rule.js";

/**
 * No spaces at the start or end of a text (only quoted YAML strings can hold them). The runs of a
 * paragraph are taken together, so the space between "theme of " and the theme is fine. Fixable.
 *
 * Passes: `text: Hold a workshop`. Fails: `text: "Hold a workshop "`.
 */
export const noTrailingSpaces = defineRule({
  meta: {
    id: "no-trailing-spaces",
    severity: "warning",
    description: "No spaces at the start or end of a text.",
    help: "Remove the spaces inside the quotes (`ctwg lint --fix`).",
    fixable: true,
  },
  create({ report }) {
    return {
      text({ parts }) {
        const first = parts[0]!;
        const last = parts[parts.length - 1]!;
        // The first and last characters decide; the patterns run only on the rare text that has one.
        const leading = /^\s/.test(first.text) ? /^\s+(?=\S)/.exec(first.text)?.[0] : undefined;
        const trailing = /\s$/.test(last.text) ? /(?<=\S)\s+$/.exec(last.text)?.[0] : undefined;
        if (leading) {
          const at = { start: 0, end: leading.length };
          report({
            path: first.path,
            at,
            message: "the text starts with a space",
            hint: "remove it; ctwg lint --fix does it",
            fix: [{ kind: "replace-text", path: first.path, ...at, text: "" }],
          });
        }
        if (trailing) {
          const at = { start: last.text.length - trailing.length, end: last.text.length };
          report({
            path: last.path,
            at,
            message: "the text ends with a space",
            hint: "remove it; ctwg lint --fix does it",
            fix: [{ kind: "replace-text", path: last.path, ...at, text: "" }],
          });
        }
      },
    };
  },
  examples: {
    pass: [{ title: "the 2017 plan, spaces between runs included", edit: () => {} }],
    fail: [
      {
        title: "a trailing space",
        edit: (w) => {
          w.deliverables[4]!.text = "Agree on CTWG Strategic Plan 2018-2022 ";
        },
      },
    ],
  },
});
