import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Workplan } from "../../src/model/schema.js";
import { markdown } from "../../src/render/markdown.js";
import { buildView } from "../../src/render/view.js";
import { runCli, tempProject, type RunResult } from "../support/cli.js";
import { compile, replaceOnce, text2017 } from "../support/workplan.js";

/**
 * `ctwg lint --fix` on a copy of the 2017 plan with fixable problems added: the file keeps its
 * comments and layout, loses exactly the fixable findings, stays valid, and a second run is a no-op.
 */

const FILE = "workplans/2017.yaml";
const FIXED_RULES = ["economy-spelling", "no-double-spaces", "no-trailing-spaces", "tbc-in-text", "consistent-acronym"];
const QUOTED = 'text: "Agree on CTWG Strategic Plan 2018-2022 "';

interface JsonDiagnostic {
  ruleId: string;
  severity: string;
  path: (string | number)[];
  line: number | null;
}

const ORIGINAL = text2017();

/** The 2017 plan with fixable problems added; "(tbc)" and "(TBC)" are already in it. */
const BROKEN = [
  // A doubled space inside a folded paragraph.
  (t: string) => replaceOnce(t, "condemned terrorism in all its forms", "condemned terrorism  in all its forms"),
  // Vietnam in a deliverable's text.
  (t: string) => replaceOnce(t, "Nha Trang, Viet Nam 21-22 February", "Nha Trang, Vietnam 21-22 February"),
  // A quoted text with a trailing space.
  (t: string) => replaceOnce(t, "text: Agree on CTWG Strategic Plan 2018-2022", QUOTED),
  // 1.2's event loses its flag, so the fix must add the key.
  (t: string) => replaceOnce(t, "        economy: Indonesia\n      tbc: true\n", "        economy: Indonesia\n"),
].reduce((text, edit) => edit(text), ORIGINAL);

const commentLines = (text: string) => text.split("\n").filter((line) => /^\s*#/.test(line));
const parseJson = (result: RunResult) => JSON.parse(result.stdout) as JsonDiagnostic[];
const ofRule = (list: readonly JsonDiagnostic[], ruleId: string) => list.filter((d) => d.ruleId === ruleId);

function validated(text: string): Workplan {
  const { workplan, diagnostics } = compile(text, FILE);
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  expect(workplan).toBeDefined();
  return workplan!;
}

let project: { cwd: string; cleanup: () => void };
let before: JsonDiagnostic[];
let first: RunResult;
let fixedText: string;
let second: RunResult;
let afterSecond: string;

beforeAll(async () => {
  project = tempProject();
  writeFileSync(join(project.cwd, FILE), BROKEN);
  before = parseJson(await runCli(["lint", "2017", "--format", "json"], project.cwd));
  first = await runCli(["lint", "2017", "--fix", "--format", "json"], project.cwd);
  fixedText = readFileSync(join(project.cwd, FILE), "utf8");
  second = await runCli(["lint", "2017", "--fix", "--format", "json"], project.cwd);
  afterSecond = readFileSync(join(project.cwd, FILE), "utf8");
});
afterAll(() => project.cleanup());

describe("lint --fix", () => {
  it("starts from a file that has each fixable problem", () => {
    expect(validated(BROKEN).deliverables[1]!.event!.tbc).not.toBe(true);
    expect(BROKEN.match(/^ +tbc: true$/gm)).toHaveLength(1);
    expect(ofRule(before, "no-double-spaces").map((d) => d.path)).toEqual([["introduction", "paragraphs", 0]]);
    expect(ofRule(before, "economy-spelling").map((d) => d.path)).toEqual([["deliverables", 0, "text"]]);
    expect(ofRule(before, "no-trailing-spaces").map((d) => d.path)).toEqual([["deliverables", 4, "text"]]);
    expect(ofRule(before, "tbc-in-text").map((d) => d.path)).toEqual([
      ["deliverables", 1, "text"],
      ["deliverables", 7, "text"],
    ]);
  });

  it("rewrites the file and says so on stderr, exiting 0 on warnings", () => {
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/workplans\/2017\.yaml: fixed \d+ problems/);
    expect(fixedText).not.toBe(BROKEN);
  });

  it("keeps every comment of the original", () => {
    expect(commentLines(fixedText)).toEqual(commentLines(ORIGINAL));
    expect(commentLines(fixedText).length).toBeGreaterThan(5);
  });

  it("leaves no finding of the economy, double-space and tbc rules", () => {
    const after = parseJson(first);
    for (const ruleId of ["economy-spelling", "no-double-spaces", "tbc-in-text"]) expect(ofRule(after, ruleId), ruleId).toEqual([]);
  });

  // Known bug: scalarOffsets cannot map a quoted scalar with edge spaces (see
  // test/parse/scalar-offsets.test.ts), so no-trailing-spaces never gets a fix and the finding stays.
  it("also fixes the quoted text with a trailing space", () => {
    expect(ofRule(parseJson(first), "no-trailing-spaces")).toEqual([]);
    expect(validated(fixedText).deliverables[4]!.text).toBe("Agree on CTWG Strategic Plan 2018-2022");
  });

  it("sets `tbc: true` on both events, adding the key where it was missing", () => {
    const workplan = validated(fixedText);
    expect(workplan.deliverables[1]!.event!.tbc).toBe(true);
    expect(workplan.deliverables[7]!.event!.tbc).toBe(true);
    // Added with the indentation of its siblings, after the last one.
    expect(fixedText).toContain("        economy: Indonesia\n      tbc: true\n    plan:\n");
  });

  it("removes (tbc) from the deliverable texts", () => {
    const workplan = validated(fixedText);
    for (const index of [1, 7]) expect(workplan.deliverables[index]!.text).not.toMatch(/\(tbc\)/i);
    expect(workplan.deliverables[1]!.text).toMatch(/in Bali, Indonesia in March$/);
    expect(workplan.deliverables[7]!.text).toMatch(/in Ho Chi Minh City in August$/);
  });

  it("touches nothing but the fixed characters", () => {
    let expected = replaceOnce(replaceOnce(ORIGINAL, " (tbc)\n", "\n"), " (TBC)\n", "\n");
    expected = expected.replaceAll("TPT-WG", "TPTWG").replace("(MEG- SEC)", "(MEG-SEC)").replace("CTI SCCP,", "CTI/SCCP,");
    // The quoted line keeps its quotes; only the space inside them goes.
    const normalize = (text: string) =>
      text.replace(/text: "Agree on CTWG Strategic Plan 2018-2022"/, "text: Agree on CTWG Strategic Plan 2018-2022");
    expect(normalize(fixedText)).toBe(expected);
  });

  it("leaves the finding it cannot fix: the stale date", () => {
    const after = parseJson(first);
    expect(ofRule(after, "stale-date")).toHaveLength(1);
    const unexpected = after.filter((d) => !["stale-date", ...FIXED_RULES].includes(d.ruleId));
    expect(unexpected).toEqual([]);
  });

  it("leaves a file that still validates", () => {
    validated(fixedText);
  });

  it("changes nothing on a second run", () => {
    expect(second.code).toBe(0);
    expect(afterSecond).toBe(fixedText);
    expect(second.stderr).not.toContain("fixed");
    expect(parseJson(second)).toEqual(parseJson(first));
  });

  it("still prints (tbc) after both deliverables in the Markdown, from the flag", () => {
    const md = markdown.render(buildView(validated(fixedText))) as string;
    expect(md).toContain("**1.2** Hold a workshop on Safeguarding");
    expect(md).toMatch(/\*\*1\.2\*\* [^\n]*in Bali, Indonesia in March \(tbc\)\n/);
    expect(md).toMatch(/\*\*1\.8\*\* [^\n]*in Ho Chi Minh City in August \(tbc\)\n/);
  });

  // Known gap: 1.8's row in the itemized table has no `title` of its own and takes the deliverable's
  // text, to which the view does not add "(tbc)" from the flag; so --fix drops "(TBC)" from that row
  // of the rendered document (the unfixed plan prints it there).
  it("still prints (tbc) in the itemized table's row 1.8, titled by the deliverable's text", () => {
    const row = (text: string) =>
      (markdown.render(buildView(validated(text))) as string)
        .split("\n")
        .find((line) => line.startsWith("| Hold Workshop on Best Practices"));
    expect(row(ORIGINAL)).toMatch(/in August \(TBC\) \|/i);
    expect(row(fixedText)).toMatch(/in August \(tbc\) \|/i);
  });
});
