import { defineRule } from "../rule.js";

/**
 * Ids are unique across deliverables and cross-cutting areas: later years and diffs find items by id,
 * and the HTML uses them as anchors.
 *
 * Passes: the 2017 ids. Fails: two deliverables with `id: first-ctwg-meeting`.
 */
export const uniqueIds = defineRule({
  id: "unique-ids",
  severity: "error",
  description: "Every deliverable and cross-cutting area has its own id.",
  help: "An id names one item from year to year; give the second item an id of its own.",
  check({ workplan, report }) {
    const seen = new Map<string, (string | number)[]>();
    const items: [string, (string | number)[]][] = [
      ...workplan.crossCutting.areas.map((area, i) => [area.id, ["crossCutting", "areas", i, "id"]] as [string, (string | number)[]]),
      ...workplan.deliverables.map((d, i) => [d.id, ["deliverables", i, "id"]] as [string, (string | number)[]]),
    ];
    for (const [id, path] of items) {
      const first = seen.get(id);
      if (first) {
        report({
          path,
          message: `the id \`${id}\` is already used`,
          hint: "give this item an id of its own",
          related: [{ message: "first used here", path: first }],
        });
      } else seen.set(id, path);
    }
  },
  examples: {
    pass: [{ title: "the 2017 ids", edit: () => {} }],
    fail: [{ title: "a copied deliverable keeping its id", edit: (w) => void (w.deliverables[1]!.id = w.deliverables[0]!.id) }],
  },
});
