import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { DataPath } from "../../src/diagnostics/diagnostic.js";
import { parseGlossary, type Glossary } from "../../src/model/glossary.js";
import { walkWorkplan } from "../../src/lint/walk-workplan.js";
import type { Finding, Rule, RuleExample } from "../../src/lint/rule.js";
import { RULES } from "../../src/lint/rules/index.js";
import type { Workplan } from "../../src/model/schema.js";
import { ROOT, workplan2017 } from "../support/workplan.js";

/**
 * Every rule's own examples, run through the rule's visitors alone: a pass example must draw no
 * finding from the rule, a fail example at least one, and every finding must name a path that
 * exists in the edited plan (a wrong path would put the caret on the wrong line, or nowhere).
 */

const glossaryText = readFileSync(join(ROOT, "workplans", "glossary.yaml"), "utf8");
const parsedGlossary = parseGlossary(glossaryText, "workplans/glossary.yaml");
if (!parsedGlossary.value) throw new Error(`workplans/glossary.yaml does not parse: ${JSON.stringify(parsedGlossary.diagnostics)}`);
const GLOSSARY: Glossary = parsedGlossary.value;
const BASE: Workplan = workplan2017();

/** Applies an example to a fresh copy of the 2017 plan and runs one rule on it. */
function run(rule: Rule, example: RuleExample): { workplan: Workplan; findings: Finding[] } {
  const workplan = structuredClone(BASE);
  example.edit(workplan);
  const findings: Finding[] = [];
  const visitors = rule.create({
    workplan,
    file: example.file ?? "workplans/2017.yaml",
    previous: undefined,
    glossary: GLOSSARY,
    report: (finding) => findings.push(finding),
  });
  walkWorkplan(workplan, [visitors]);
  return { workplan, findings };
}

/** Whether every segment of `path` names something that exists in `data`. */
function pathExists(data: unknown, path: DataPath): boolean {
  let node: unknown = data;
  for (const segment of path) {
    if (node === null || typeof node !== "object") return false;
    if (Array.isArray(node) ? typeof segment !== "number" || segment < 0 || segment >= node.length : !Object.hasOwn(node, segment)) {
      return false;
    }
    node = (node as Record<string | number, unknown>)[segment];
    if (node === undefined) return false;
  }
  return true;
}

/** Every path a finding names: its own, its fixes' and its related ones. */
const pathsOf = (finding: Finding): DataPath[] => [
  finding.path,
  ...(finding.related ?? []).map((r) => r.path),
  ...(finding.fix ?? []).map((f) => f.path),
];

function expectPathsExist(workplan: Workplan, findings: readonly Finding[]) {
  for (const finding of findings) {
    for (const path of pathsOf(finding)) {
      expect(pathExists(workplan, path), `${JSON.stringify(path)} (${finding.message}) exists in the edited plan`).toBe(true);
    }
  }
}

/** Examples whose findings name a path that is not in the data (bugs; remove an entry once fixed, as `it.fails` then fails). */
const KNOWN_WRONG_PATHS = new Set<string>();

describe("the rule registry", () => {
  // Why new rules go after known-purpose: then the committed plans' diagnostics keep their order.
  it("holds the first 20 rules, known-purpose the 20th, then the rules added since; distinct ids", () => {
    const ids = RULES.map((rule) => rule.meta.id);
    expect(ids.indexOf("known-purpose")).toBe(19);
    expect(ids.indexOf("no-control-characters")).toBeGreaterThan(19);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("the path walker tells existing paths from missing ones", () => {
    expect(pathExists(BASE, ["deliverables", 2, "plan", "summary", 0])).toBe(true);
    expect(pathExists(BASE, ["deliverables", 99])).toBe(false);
    expect(pathExists(BASE, ["deliverables", 5, "plan"])).toBe(false);
    expect(pathExists(BASE, ["cover", "nope"])).toBe(false);
    expect(pathExists(BASE, ["cover", "symbol", "x"])).toBe(false);
  });
});

describe.each(RULES.map((rule) => [rule.meta.id, rule] as const))("%s", (_id, rule) => {
  it("describes itself", () => {
    expect(rule.meta.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
    expect(["error", "warning", "info"]).toContain(rule.meta.severity);
    expect(rule.meta.description.trim()).not.toBe("");
    expect(rule.meta.help.trim()).not.toBe("");
    expect(typeof rule.meta.fixable).toBe("boolean");
    expect(rule.examples.pass.length).toBeGreaterThan(0);
    expect(rule.examples.fail.length).toBeGreaterThan(0);
    for (const example of [...rule.examples.pass, ...rule.examples.fail]) expect(example.title.trim()).not.toBe("");
  });

  it.each(rule.examples.pass.map((example) => [example.title, example] as const))("passes: %s", (_title, example) => {
    const { findings } = run(rule, example);
    expect(findings.map((f) => f.message)).toEqual([]);
  });

  for (const example of rule.examples.fail) {
    it(`fails: ${example.title}`, () => {
      const { findings } = run(rule, example);
      expect(findings.length).toBeGreaterThan(0);
      for (const finding of findings) expect(finding.message.trim()).not.toBe("");
    });
    const known = KNOWN_WRONG_PATHS.has(`${rule.meta.id}: ${example.title}`);
    (known ? it.fails : it)(`fails: ${example.title}, at paths that exist${known ? " (known bug)" : ""}`, () => {
      const { workplan, findings } = run(rule, example);
      expectPathsExist(workplan, findings);
    });
  }

  it(
    rule.meta.fixable ? "is fixable, and its fail examples draw fixes" : "is not fixable, and no finding of its fail examples has a fix",
    () => {
      const fixed = rule.examples.fail.flatMap((example) => run(rule, example).findings).filter((finding) => finding.fix !== undefined);
      if (rule.meta.fixable) expect(fixed.length).toBeGreaterThan(0);
      else expect(fixed).toEqual([]);
    },
  );
});
