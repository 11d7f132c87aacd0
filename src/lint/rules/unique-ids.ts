import type { DataPath } from "../../diagnostics/diagnostic.js";
import { defineRule } from "../rule.js";

/**
 * Ids are unique across deliverables and cross-cutting areas: later years and diffs find items by id,
 * and the HTML uses them as anchors.
 *
 * Passes: the 2017 ids. Fails: two deliverables with `id: first-ctwg-meeting`.
 */
export const uniqueIds = defineRule({
  meta: {
    id: "unique-ids",
    severity: "error",
    description: "Every deliverable and cross-cutting area has its own id.",
    help: "An id names one item from year to year; give the second item an id of its own.",
    fixable: false,
  },
  create({ report }) {
    const seen = new Map<string, DataPath>();
    // Areas come before deliverables in the walk, so a deliverable repeating an area's id is the one reported.
    const visit = (id: string, path: DataPath) => {
      const first = seen.get(id);
      if (first) {
        report({
          path,
          message: `the id \`${id}\` is already used`,
          hint: "give this item an id of its own",
          related: [{ message: "first used here", path: first }],
        });
      } else seen.set(id, path);
    };
    return {
      area: (area, i) => visit(area.id, ["crossCutting", "areas", i, "id"]),
      deliverable: (deliverable, i) => visit(deliverable.id, ["deliverables", i, "id"]),
    };
  },
  examples: {
    pass: [{ title: "the 2017 ids", edit: () => {} }],
    fail: [
      {
        title: "a copied deliverable keeping its id",
        edit: (w) => {
          w.deliverables[1]!.id = w.deliverables[0]!.id;
        },
      },
    ],
  },
});
