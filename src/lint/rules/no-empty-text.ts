import { defineRule } from "../rule.js";

/**
 * No empty paragraph, bullet or title: an empty string prints as a blank line or an empty bullet.
 *
 * Passes: the 2017 plan. Fails: `steps: [""]`.
 */
export const noEmptyText = defineRule({
  meta: {
    id: "no-empty-text",
    severity: "warning",
    description: "No empty paragraph, list item or title.",
    help: "Write the text, or remove the empty entry.",
    fixable: false,
  },
  create({ report }) {
    return {
      text(text) {
        if (text.text.trim() !== "") return;
        report({ path: text.path, message: "this text is empty", hint: "write the text, or remove the entry" });
      },
    };
  },
  examples: {
    pass: [{ title: "the 2017 plan", edit: () => {} }],
    fail: [{ title: "an empty step", edit: (w) => void w.introduction.steps.push("") }],
  },
});
