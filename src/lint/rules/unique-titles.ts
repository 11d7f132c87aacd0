import type { DataPath } from "../../diagnostics/diagnostic.js";
import type { RichText } from "../../model/schema.js";
import { itemName } from "../../model/labels.js";
import { defineRule } from "../rule.js";

const plain = (text: RichText) =>
  typeof text === "string" ? text : text.map((r) => (typeof r === "string" ? r : "em" in r ? r.em : r.theme)).join("");
const key = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim();

/**
 * No two deliverables, and no two rows of the itemized table, have the same wording: a repeated
 * title is a copied item that was meant to be changed, or a duplicate.
 *
 * Passes: the 2017 plan. Fails: 1.7 worded like 1.1.
 */
export const uniqueTitles = defineRule({
  meta: {
    id: "unique-titles",
    severity: "warning",
    description: "No two deliverables or table rows have the same title.",
    help: "Reword one of the two, or remove the duplicate.",
    fixable: false,
  },
  create({ workplan, report }) {
    const texts = new Map<string, number>();
    const rows = new Map<string, number>();
    const duplicate = (path: DataPath, index: number, first: number, what: string) =>
      report({
        path,
        message: `deliverable ${itemName(workplan, index)} has the same ${what} as ${itemName(workplan, first)}`,
        hint: "reword one of them, or remove the duplicate",
        related: [{ message: "the first one", path: ["deliverables", first] }],
      });
    return {
      deliverable(deliverable, i) {
        const textKey = key(plain(deliverable.text));
        const firstText = texts.get(textKey);
        if (firstText === undefined) texts.set(textKey, i);
        else duplicate(["deliverables", i, "text"], i, firstText, "wording");
        if (!deliverable.plan) return;
        const rowKey = key(plain(deliverable.plan.title ?? deliverable.text));
        const firstRow = rows.get(rowKey);
        if (firstRow === undefined) rows.set(rowKey, i);
        // Rows that take their title from identical deliverable texts were reported just above.
        else if (firstText === undefined) {
          const path = deliverable.plan.title !== undefined ? ["deliverables", i, "plan", "title"] : ["deliverables", i, "text"];
          duplicate(path, i, firstRow, "row title");
        }
      },
    };
  },
  examples: {
    pass: [{ title: "the 2017 plan", edit: () => {} }],
    fail: [
      {
        title: "1.7 worded like 1.1",
        edit: (w) => {
          w.deliverables[6]!.text = w.deliverables[0]!.text;
        },
      },
      {
        title: "a row titled like another row",
        edit: (w) => {
          w.deliverables[4]!.plan!.title = w.deliverables[6]!.text;
        },
      },
    ],
  },
});
