import { describe, expect, it, vi } from "vitest";
import { DEFAULT_CONFIG } from "../../src/lint/config.js";
import { lintWorkplan } from "../../src/lint/lint-workplan.js";
import { walkWorkplan } from "../../src/lint/walk-workplan.js";
import { defineRule, type Rule, type RuleVisitors } from "../../src/lint/rule.js";
import { RULES } from "../../src/lint/rules/index.js";
import { EMPTY_GLOSSARY } from "../../src/model/glossary.js";
import { proseTexts } from "../../src/model/prose.js";
import { validateWorkplan } from "../../src/model/validate-workplan.js";
import { parseWorkplan } from "../../src/parse/parse-workplan.js";
import { text2017 } from "../support/workplan.js";

/** The engine's one walk of the plan: every visitor called once per item, in document order, whatever the number of rules. */

// Counts the calls; the real function does the work.
vi.mock("../../src/model/prose.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/model/prose.js")>();
  return { ...actual, proseTexts: vi.fn(actual.proseTexts) };
});

const FILE = "workplans/2017.yaml";

/** A freshly parsed 2017 plan: a new object, so no cache keyed by the plan has seen it. */
function fresh() {
  const source = parseWorkplan(text2017(), FILE).value!;
  const workplan = validateWorkplan(source).value!;
  return { source, workplan };
}

/** A rule that reports nothing and logs every visit, as `kind` or `kind:detail`. */
function recorder(id: string, log: string[]): Rule {
  return defineRule({
    meta: { id, severity: "info", description: "Logs the walk.", help: "A test double.", fixable: false },
    examples: { pass: [], fail: [] },
    create: () => ({
      workplan: () => void log.push("workplan"),
      text: (text) => void log.push(`text:${JSON.stringify(text.path)}`),
      area: (_area, i) => void log.push(`area:${i}`),
      deliverable: (_deliverable, i) => void log.push(`deliverable:${i}`),
      event: (_event, i) => void log.push(`event:${i}`),
      done: () => void log.push("done"),
    }),
  });
}

/** A rule that reports once for each visit of one kind. */
function reporter(id: string, visitor: "text" | "deliverable"): Rule {
  return defineRule({
    meta: { id, severity: "warning", description: "Reports every visit.", help: "A test double.", fixable: false },
    examples: { pass: [], fail: [] },
    create: ({ report }): RuleVisitors =>
      visitor === "text"
        ? { text: (text) => report({ path: text.path, message: "a text" }) }
        : { deliverable: (_deliverable, i) => report({ path: ["deliverables", i], message: "a deliverable" }) },
  });
}

const lintWith = (rules: readonly Rule[]) => {
  const { source, workplan } = fresh();
  return lintWorkplan({ source, workplan, previous: undefined, glossary: EMPTY_GLOSSARY, config: DEFAULT_CONFIG, rules });
};

describe("the engine's walk", () => {
  it("calls proseTexts once, for one visitor or many", () => {
    const { workplan } = fresh();
    const counting = vi.mocked(proseTexts);
    const visitors = RULES.map(() => ({ text: () => {} }));
    counting.mockClear();
    walkWorkplan(workplan, visitors.slice(0, 1));
    expect(counting).toHaveBeenCalledTimes(1);
    counting.mockClear();
    walkWorkplan(workplan, visitors);
    expect(counting).toHaveBeenCalledTimes(1);
  });

  it("reads the prose as often with every rule twice over as with every rule once", () => {
    const counting = vi.mocked(proseTexts);
    counting.mockClear();
    lintWith(RULES);
    const once = counting.mock.calls.length;
    counting.mockClear();
    lintWith([...RULES, ...RULES]);
    expect(counting.mock.calls.length).toBe(once);
  });

  it("shows each rule every text once, in proseTexts' order, between the plan and the end", () => {
    const first: string[] = [];
    const second: string[] = [];
    lintWith([recorder("first", first), ...RULES, recorder("second", second)]);
    const { workplan } = fresh();
    const texts = proseTexts(workplan).map((text) => `text:${JSON.stringify(text.path)}`);
    expect(first).toEqual(second);
    expect(first[0]).toBe("workplan");
    expect(first.at(-1)).toBe("done");
    expect(first.filter((entry) => entry.startsWith("text:"))).toEqual(texts);
  });

  it("visits each area and deliverable once, in order, just before its texts, and each event right after its deliverable", () => {
    const log: string[] = [];
    const { workplan } = fresh();
    walkWorkplan(workplan, [
      recorder("r", log).create({ workplan, file: FILE, previous: undefined, glossary: EMPTY_GLOSSARY, report: () => {} }),
    ]);
    const { areas } = workplan.crossCutting;
    expect(log.filter((entry) => entry.startsWith("area:"))).toEqual(areas.map((_, i) => `area:${i}`));
    expect(log.filter((entry) => entry.startsWith("deliverable:"))).toEqual(workplan.deliverables.map((_, i) => `deliverable:${i}`));
    workplan.deliverables.forEach((deliverable, i) => {
      const after = log[log.indexOf(`deliverable:${i}`) + 1];
      if (deliverable.event) expect(after).toBe(`event:${i}`);
      else expect(after).not.toMatch(/^event:/);
    });
    // Every text of an item comes after that item's visit and before the next item's.
    let item: string | undefined;
    for (const entry of log) {
      const visit = /^(area|deliverable):(\d+)$/.exec(entry);
      if (visit) item = visit[1] === "area" ? `["crossCutting","areas",${visit[2]}` : `["deliverables",${visit[2]}`;
      const path = entry.startsWith("text:") ? entry.slice("text:".length) : undefined;
      if (path && /^\["(crossCutting","areas|deliverables)"/.test(path)) expect(path.startsWith(`${item},`), path).toBe(true);
    }
  });

  it("gives the diagnostics rule by rule, in the rules' order, though the walk interleaves their findings", () => {
    const { diagnostics } = lintWith([reporter("by-text", "text"), reporter("by-deliverable", "deliverable")]);
    const ids = diagnostics.map((d) => d.ruleId);
    const texts = ids.filter((id) => id === "by-text").length;
    expect(texts).toBeGreaterThan(0);
    expect(ids).toEqual([...Array(texts).fill("by-text"), ...Array(ids.length - texts).fill("by-deliverable")]);
    expect(ids.length - texts).toBe(fresh().workplan.deliverables.length);
  });
});
