import { describe, expect, it } from "vitest";
import { alignWorkplans } from "../../src/diff/align.js";
import type { Match, Matching } from "../../src/diff/match.js";
import type { Workplan } from "../../src/model/schema.js";
import { compile, data2017, type PlanData, toYaml, workplan2017 } from "../support/workplan.js";

const plan = (mutate: (data: PlanData) => void): Workplan => {
  const data = data2017();
  mutate(data);
  const { workplan, diagnostics } = compile(toYaml(data));
  if (!workplan) throw new Error(`mutated plan does not validate: ${JSON.stringify(diagnostics, null, 2)}`);
  return workplan;
};
const same = (text: string) => text;
const pairs = ({ matches, removed, added }: Matching<Match>) => ({ pairs: matches.map((m) => [m.before, m.after]), removed, added });

describe("alignWorkplans", () => {
  const w2017 = workplan2017();

  it("pairs every item of a plan with itself", () => {
    const alignment = alignWorkplans(w2017, workplan2017(), 0.5, same);
    const n = w2017.deliverables.length;
    expect(pairs(alignment.deliverables)).toEqual({ pairs: [...Array(n).keys()].map((i) => [i, i]), removed: [], added: [] });
    // Rows count the deliverables with a plan: 2017's vice-chair election has none.
    expect(pairs(alignment.rows)).toEqual({ pairs: [...Array(n - 1).keys()].map((i) => [i, i]), removed: [], added: [] });
  });

  it("pairs nested items under the pair of their parents", () => {
    const after = plan((d) => {
      d.introduction.steps[0] = { text: d.introduction.steps[0], items: ["a first sub-step", "a second sub-step"] };
      d.introduction.steps.splice(1, 1);
    });
    const before = plan((d) => {
      d.introduction.steps[0] = { text: d.introduction.steps[0], items: ["a second sub-step"] };
    });
    const { steps } = alignWorkplans(before, after, 0.5, same);
    expect(pairs(steps)).toMatchObject({ removed: [1], added: [] });
    expect(pairs(steps.matches[0]!.items)).toEqual({ pairs: [[0, 1]], removed: [], added: [0] });
  });

  it("pairs rows through their deliverables: a row whose deliverable is dropped is dropped, whatever its title", () => {
    const after = plan((d) =>
      Object.assign(d.deliverables[0], { id: "brand-new", text: "Publish a directory of counter-terrorism contacts" }),
    );
    const alignment = alignWorkplans(w2017, after, 0.5, same);
    expect(alignment.deliverables).toMatchObject({ removed: [0], added: [0] });
    // The row keeps its own title, word for word; it goes with its deliverable all the same.
    expect(after.deliverables[0]!.plan?.title).toBe(w2017.deliverables[0]!.plan?.title);
    expect(alignment.rows).toMatchObject({ removed: [0], added: [0] });
  });

  it("gives each pair of deliverables the pairing of their plans' lists", () => {
    const after = plan((d) => {
      d.deliverables[0].plan.priorities = ["Structural Reform", ...d.deliverables[0].plan.priorities];
    });
    const [first] = alignWorkplans(w2017, after, 0.5, same).deliverables.matches;
    const n = w2017.deliverables[0]!.plan!.priorities.length;
    expect(pairs(first!.plan.priorities)).toEqual({ pairs: [...Array(n).keys()].map((i) => [i, i + 1]), removed: [], added: [0] });
  });
});
