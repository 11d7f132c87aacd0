import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { WorkplanDiff } from "../../src/diff/change.js";
import { diffWorkplans } from "../../src/diff/diff-workplans.js";
import { matchItems } from "../../src/diff/match.js";
import { redlineView } from "../../src/diff/redline-view.js";
import type { Run } from "../../src/render/view.js";
import type { Workplan } from "../../src/model/schema.js";
import { compile, data2017, type PlanData, ROOT, toYaml, workplan2017 } from "../support/workplan.js";

// A spy on the matcher, so a test can tell who pairs the items.
vi.mock("../../src/diff/match.js", async (original) => {
  const real = await original<typeof import("../../src/diff/match.js")>();
  return { ...real, matchItems: vi.fn(real.matchItems) };
});

const fixture = (name: string) => compile(readFileSync(join(ROOT, "test", "fixtures", "diff", name), "utf8"), name).workplan!;
const plan = (mutate: (data: PlanData) => void): Workplan => {
  const data = data2017();
  mutate(data);
  const { workplan, diagnostics } = compile(toYaml(data));
  if (!workplan) throw new Error(`mutated plan does not validate: ${JSON.stringify(diagnostics, null, 2)}`);
  return workplan;
};
const w2016 = fixture("2016.yaml");
const w2017 = workplan2017();
const w2018 = fixture("2018.yaml");
/** The first deliverable with a new id and new words: one dropped and one new, though its row keeps its own title. */
const reworded = plan((d) =>
  Object.assign(d.deliverables[0], { id: "brand-new", text: "Publish a directory of counter-terrorism contacts" }),
);
/** The third deliverable kept, its row dropped. */
const rowless = plan((d) => {
  delete d.deliverables[2].plan;
  d.deliverables[2].noPlan = "merged into the workshop's own report";
});

const sorted = (ids: readonly string[]) => [...ids].sort();
const inserted = (runs: readonly Run[]) => runs.length > 0 && runs.every((r) => r.ins);
const REMOVED = "removed-";

/** The ids of the deliverables the change list reports as `kind`. */
function listed(diff: WorkplanDiff, kind: "added" | "removed"): string[] {
  return diff.changes
    .filter((c) => c.section === "deliverables" && c.kind === kind)
    .map((c) =>
      kind === "removed" ? diff.plans.before.deliverables[c.before!.index!]!.id : diff.plans.after.deliverables[c.after!.index!]!.id,
    );
}

/** The ids of the items (deliverables or rows) the redline strikes out whole and marks inserted whole. */
function shown(items: readonly { id: string; text: Run[] }[]) {
  return {
    removed: items.filter((i) => i.id.startsWith(REMOVED)).map((i) => i.id.slice(REMOVED.length)),
    added: items.filter((i) => !i.id.startsWith(REMOVED) && inserted(i.text)).map((i) => i.id),
  };
}

const cases: [string, Workplan, Workplan, number][] = [
  ["2017 → 2018", w2017, w2018, 0.5],
  ["2017 → 2018, strict", w2017, w2018, 0.99],
  ["2018 → 2017", w2018, w2017, 0.5],
  ["2016 → 2017", w2016, w2017, 0.5],
  ["a reworded deliverable with a new id", w2017, reworded, 0.5],
  ["a deliverable that lost its row", w2017, rowless, 0.5],
];

describe("the redline shows the diff it is given", () => {
  beforeEach(() => {
    vi.mocked(matchItems).mockClear();
  });

  it("pairs nothing itself: the diff engine matched the lists, the redline only looks them up", () => {
    const diff = diffWorkplans(w2017, w2018);
    expect(vi.mocked(matchItems)).toHaveBeenCalled();
    vi.mocked(matchItems).mockClear();
    redlineView(diff);
    expect(vi.mocked(matchItems)).not.toHaveBeenCalled();
  });

  it("follows the diff's threshold: at 0.99 the renamed workshop is one dropped and one new item", () => {
    const ids = (threshold: number) => shown(redlineView(diffWorkplans(w2017, w2018, { threshold })).deliverables!.items);
    expect(ids(0.5)).toEqual({ removed: ["tourism-security-workshop", "vice-chair-election"], added: ["cve-online-dialogue"] });
    expect(ids(0.99)).toEqual({
      removed: ["tourism-security-workshop", "mesf-workshop-viet-nam", "vice-chair-election"],
      added: ["cve-online-dialogue", "mesf-workshop"],
    });
  });

  for (const [name, before, after, threshold] of cases) {
    it(`agrees with the change list on the deliverables dropped and new: ${name}`, () => {
      const diff = diffWorkplans(before, after, { threshold });
      const view = redlineView(diff);
      const list = shown(view.deliverables!.items);
      expect(sorted(list.removed)).toEqual(sorted(listed(diff, "removed")));
      expect(sorted(list.added)).toEqual(sorted(listed(diff, "added")));
      // A row is dropped or new with its deliverable, or when its kept deliverable lost or gained its plan.
      const hasPlan = (w: Workplan, id: string) => w.deliverables.some((d) => d.id === id && d.plan);
      const kept = diff.alignment.deliverables.matches.map((m) => [before.deliverables[m.before]!, after.deliverables[m.after]!] as const);
      const rows = shown(view.plans!.rows.map((r) => ({ id: r.id, text: r.title })));
      expect(sorted(rows.removed)).toEqual(
        sorted([...list.removed.filter((id) => hasPlan(before, id)), ...kept.filter(([a, b]) => a.plan && !b.plan).map(([a]) => a.id)]),
      );
      expect(sorted(rows.added)).toEqual(
        sorted([...list.added.filter((id) => hasPlan(after, id)), ...kept.filter(([a, b]) => !a.plan && b.plan).map(([, b]) => b.id)]),
      );
    });
  }

  it("strikes the row of a dropped deliverable even where the row's own title still reads the same", () => {
    const view = redlineView(diffWorkplans(w2017, reworded));
    expect(shown(view.plans!.rows.map((r) => ({ id: r.id, text: r.title })))).toEqual({
      removed: ["first-ctwg-meeting"],
      added: ["brand-new"],
    });
  });

  it("strikes the row of a kept deliverable that lost its plan, and keeps the deliverable", () => {
    const view = redlineView(diffWorkplans(w2017, rowless));
    expect(shown(view.deliverables!.items)).toEqual({ removed: [], added: [] });
    expect(shown(view.plans!.rows.map((r) => ({ id: r.id, text: r.title })))).toEqual({ removed: ["mesf-workshop-viet-nam"], added: [] });
  });
});
