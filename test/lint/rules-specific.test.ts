import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { DEFAULT_CONFIG } from "../../src/lint/config.js";
import { EMPTY_GLOSSARY, parseGlossary, type Glossary } from "../../src/model/glossary.js";
import { lintWorkplan } from "../../src/lint/lint-workplan.js";
import type { Workplan } from "../../src/model/schema.js";
import { validateWorkplan } from "../../src/model/validate-workplan.js";
import { parseWorkplan, type SourceFile } from "../../src/parse/parse-workplan.js";
import { replaceOnce, ROOT, rulesAndPaths, text2017, workplan2017 } from "../support/workplan.js";

/** What the rules say about the real 2017 plan and a few edits of it: rule ids and data paths, not positions. */

const FILE = "workplans/2017.yaml";

function glossary(): Glossary {
  const parsed = parseGlossary(readFileSync(join(ROOT, "workplans", "glossary.yaml"), "utf8"), "workplans/glossary.yaml");
  if (!parsed.value) throw new Error(JSON.stringify(parsed.diagnostics));
  return parsed.value;
}

/** Parses and validates workplan text; throws when it does not validate, so a broken edit cannot pass quietly. */
function compileSource(text: string): { source: SourceFile; workplan: Workplan } {
  const parsed = parseWorkplan(text, FILE);
  if (!parsed.value) throw new Error(JSON.stringify(parsed.diagnostics));
  const validated = validateWorkplan(parsed.value);
  if (!validated.value) throw new Error(JSON.stringify(validated.diagnostics));
  return { source: parsed.value, workplan: validated.value };
}

function lintText(text: string, options: { previous?: Workplan; glossary?: Glossary } = {}): Diagnostic[] {
  const { source, workplan } = compileSource(text);
  return lintWorkplan({
    source,
    workplan,
    previous: options.previous,
    glossary: options.glossary ?? glossary(),
    config: DEFAULT_CONFIG,
  }).diagnostics;
}

const ofRule = (diagnostics: readonly Diagnostic[], ruleId: string) => diagnostics.filter((d) => d.ruleId === ruleId);

describe("the 2017 plan as tabled", () => {
  const diagnostics = lintText(text2017());

  it("draws exactly eight warnings: five acronym spellings, two (tbc) texts, one stale date", () => {
    const counts: Record<string, number> = {};
    for (const d of diagnostics) counts[d.ruleId] = (counts[d.ruleId] ?? 0) + 1;
    expect(counts).toEqual({ "consistent-acronym": 5, "tbc-in-text": 2, "stale-date": 1 });
    expect(diagnostics.every((d) => d.severity === "warning")).toBe(true);
    expect(diagnostics.every((d) => d.file === FILE)).toBe(true);
  });

  it("reports TPT-WG three times, CTI SCCP and MEG- SEC once, each where it is written", () => {
    const acronyms = ofRule(diagnostics, "consistent-acronym");
    const found = acronyms.map((d) => JSON.stringify([/^"([^"]+)"/.exec(d.message)?.[1], d.path])).sort();
    const areas = ["crossCutting", "areas", 1, "activities"];
    const expected = [
      ["TPT-WG", [...areas, 0]],
      ["CTI SCCP", [...areas, 1]],
      ["TPT-WG", [...areas, 1]],
      ["TPT-WG", [...areas, 4, "text"]],
      ["MEG- SEC", [...areas, 4, "items", 0]],
    ].map((pair) => JSON.stringify(pair));
    expect(found).toEqual(expected.sort());
    expect(acronyms.find((d) => d.message.startsWith('"MEG- SEC"'))?.hint).toContain("MEG-SEC");
    expect(acronyms.find((d) => d.message.startsWith('"TPT-WG"'))?.hint).toContain("TPTWG");
  });

  it("reports (tbc) in 1.2 and (TBC) in 1.8", () => {
    expect(rulesAndPaths(ofRule(diagnostics, "tbc-in-text"))).toEqual([
      ["tbc-in-text", ["deliverables", 1, "text"]],
      ["tbc-in-text", ["deliverables", 7, "text"]],
    ]);
  });

  it("reports the workshop scheduled for 20-21 February 2016", () => {
    const stale = ofRule(diagnostics, "stale-date");
    expect(rulesAndPaths(stale)).toEqual([["stale-date", ["deliverables", 2, "plan", "summary", 0]]]);
    expect(stale[0]!.message).toContain("20-21 February 2016");
  });
});

describe("meeting-sequence against the previous year", () => {
  /** A 2016 plan whose working-group meetings end with `last`. */
  function previousEndingAt(last: number): Workplan {
    const previous = structuredClone(workplan2017());
    previous.year = 2016;
    previous.deliverables[0]!.event!.meetingNumber = last - 1;
    previous.deliverables[6]!.event!.meetingNumber = last;
    return previous;
  }

  it("passes when 2016 ended with meeting 8", () => {
    expect(ofRule(lintText(text2017(), { previous: previousEndingAt(8) }), "meeting-sequence")).toEqual([]);
  });

  it("fails at the first meeting's number when 2016 already held meeting 9", () => {
    const found = ofRule(lintText(text2017(), { previous: previousEndingAt(9) }), "meeting-sequence");
    expect(rulesAndPaths(found)).toEqual([["meeting-sequence", ["deliverables", 0, "event", "meetingNumber"]]]);
    expect(found[0]!.message).toContain("expected 10");
  });
});

describe("known-acronym", () => {
  const text = replaceOnce(
    text2017(),
    "    - The CTWG will continue to work on major event security capacity building activities.\n",
    "    - The CTWG will continue to work on major event security capacity building activities with the TPWG.\n",
  );

  it("reports an acronym missing from the glossary", () => {
    expect(rulesAndPaths(ofRule(lintText(text), "known-acronym"))).toEqual([
      ["known-acronym", ["crossCutting", "areas", 3, "activities", 5]],
    ]);
  });

  it("stays quiet without a glossary file", () => {
    expect(ofRule(lintText(text, { glossary: EMPTY_GLOSSARY }), "known-acronym")).toEqual([]);
  });
});

describe("economy-spelling", () => {
  it("finds Vietnam inside a folded paragraph, and offers a fix", () => {
    const text = replaceOnce(text2017(), "          Viet Nam will submit a Concept Note", "          Vietnam will submit a Concept Note");
    const { source, workplan } = compileSource(text);
    const result = lintWorkplan({ source, workplan, previous: undefined, glossary: glossary(), config: DEFAULT_CONFIG, withFixes: true });
    const found = ofRule(result.diagnostics, "economy-spelling");
    expect(rulesAndPaths(found)).toEqual([["economy-spelling", ["deliverables", 7, "plan", "summary", 0]]]);
    expect(found[0]!.message).toContain('"Vietnam"');
    expect(result.fixes).toContainEqual([
      { from: text.indexOf("Vietnam will"), to: text.indexOf("Vietnam will") + "Vietnam".length, text: "Viet Nam" },
    ]);
  });
});
