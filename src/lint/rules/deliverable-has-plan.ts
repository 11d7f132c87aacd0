import { itemName } from "../../model/labels.js";
import { defineRule } from "../rule.js";

/**
 * Every deliverable has its row in the itemized table, or says why not (`noPlan: …`). A deliverable and
 * its row are one item in the file, so a row without a deliverable cannot be written at all. Silent
 * when the layout has no table (`document: { columns: [] }`).
 *
 * Passes: 1.6, the Vice Chair election, with `noPlan: An election held at a CTWG meeting…`.
 * Fails: a deliverable with neither `plan` nor `noPlan`; or with both.
 */
export const deliverableHasPlan = defineRule({
  meta: {
    id: "deliverable-has-plan",
    severity: "warning",
    description: "Every deliverable has a row in the itemized table (`plan`), or says why not (`noPlan`).",
    help: "Readers look for each deliverable in the table. Add its `plan:`, or write `noPlan:` with the reason (never printed).",
    fixable: false,
  },
  create({ workplan, report }) {
    if (workplan.document.columns.length === 0) return {};
    return {
      deliverable(deliverable, i) {
        if (!deliverable.plan && deliverable.noPlan === undefined) {
          report({
            path: ["deliverables", i],
            message: `deliverable ${itemName(workplan, i)} (\`${deliverable.id}\`) has no row in the itemized table and does not say why`,
            hint: "add `plan:` with its summary, mandate and priorities, or `noPlan:` with the reason",
          });
        } else if (deliverable.plan && deliverable.noPlan !== undefined) {
          report({
            path: ["deliverables", i, "noPlan"],
            message: `deliverable ${itemName(workplan, i)} (\`${deliverable.id}\`) has a row, yet \`noPlan\` says it has none`,
            hint: "remove `noPlan`",
          });
        }
      },
    };
  },
  examples: {
    pass: [
      { title: "the 2017 plan, 1.6 saying why it has no row", edit: () => {} },
      {
        title: "a layout without a table",
        edit: (w) => {
          w.document = { ...w.document, columns: [] };
          for (const d of w.deliverables) {
            delete d.plan;
            delete d.noPlan;
          }
        },
      },
    ],
    fail: [
      { title: "a deliverable with no row and no reason", edit: (w) => void delete w.deliverables[5]!.noPlan },
      {
        title: "a row and a reason for none",
        edit: (w) => {
          w.deliverables[0]!.noPlan = "none";
        },
      },
      {
        title: "an activity with no row, named by its label",
        edit: (w) => {
          w.document = { ...w.document, itemLabel: "Activity {n}:" };
          delete w.deliverables[5]!.noPlan;
        },
      },
    ],
  },
});
