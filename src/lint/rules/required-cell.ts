import { itemName } from "../../model/labels.js";
import { defineRule } from "../rule.js";

/**
 * Every row of the itemized table has a summary of its specific plans: the other columns may be empty
 * (the 2017 plan leaves mandates and collaboration blank), the summary says what the item is.
 *
 * Passes: the 2017 rows. Fails: a row with `summary: []`.
 */
export const requiredCell = defineRule({
  meta: {
    id: "required-cell",
    severity: "warning",
    description: "Every row of the itemized table has a summary.",
    help: "Write what the item will do under `summary:`.",
    fixable: false,
  },
  create({ workplan, report }) {
    return {
      deliverable(deliverable, i) {
        const summary = deliverable.plan?.summary;
        if (summary === undefined) return;
        const empty = typeof summary === "string" ? summary.trim() === "" : summary.length === 0;
        if (empty) {
          report({
            path: ["deliverables", i, "plan", deliverable.plan && "summary" in deliverable.plan ? "summary" : "plan"],
            message: `the row of deliverable ${itemName(workplan, i)} has no summary of specific plans`,
            hint: "add `summary:` with what the item will do",
          });
        }
      },
    };
  },
  examples: {
    pass: [{ title: "the 2017 rows", edit: () => {} }],
    fail: [
      {
        title: "a row without a summary",
        edit: (w) => {
          w.deliverables[0]!.plan!.summary = [];
        },
      },
    ],
  },
});
