import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { DEFAULT_CONFIG } from "../../src/lint/config.js";
import { lintWorkplan } from "../../src/lint/lint-workplan.js";
import { parseGlossary } from "../../src/model/glossary.js";
import type { Workplan } from "../../src/model/schema.js";
import { validateWorkplan } from "../../src/model/validate-workplan.js";
import { parseWorkplan, type SourceFile } from "../../src/parse/parse-workplan.js";
import { replaceOnce, ROOT, text2017, workplan2017 } from "../support/workplan.js";

/**
 * The rules on plans of other shapes than the 2017 one: a period of several years, a cover without a
 * meeting or a symbol, a layout without a table, labels other than 1.1. Each lint runs every rule
 * through the engine, so a rule that assumes a part is there crashes here.
 */

const glossary = parseGlossary(readFileSync(join(ROOT, "workplans", "glossary.yaml"), "utf8"), "workplans/glossary.yaml").value!;

/** A five-year strategic plan: endorsed, dated on its cover, no meeting, symbol or agenda item, no table, Roman sections. */
const STRATEGIC = `period: 2018-2022
status: endorsed
document:
  numbering: roman
  numberedSections: [introduction, deliverables]
  columns: []
cover:
  stamp: Endorsed by the CTWG as at 9 October 2017
  title: Counter-Terrorism Working Group Strategic Plan 2018-2022
  purpose: Information
  date: 2017-10-09
title: APEC Counter-Terrorism Working Group Strategic Plan 2018-2022
deliverables:
  - id: travel-security
    group: "Priority 1: Capacity building"
    text: Run a yearly programme of workshops on travel security for border officials
    owner: Secure Travel network
  - id: mid-term-review
    group: "Priority 2: Implementation"
    text: Review this plan at its mid-term and agree any changes
    event:
      kind: meeting
      date: 2020-08
      place: { economy: Malaysia }
  - id: returnees-dialogue
    text: Hold a dialogue on the return of FTF fighters in June 2019
    event:
      kind: dialogue
      date: 2019-06-11/2019-06-12
      place: { city: Lima, economy: Peru }
`;

/** A one-year plan with the least a plan can have: a year, a cover title and a body title. */
const BARE = `year: 2019
cover:
  title: CTWG Work Plan for 2019
title: Counter-Terrorism Working Group Work Plan for 2019
`;

/** Parses and validates a plan; throws when it does not validate, so a broken test plan cannot pass quietly. */
function compile(text: string, file: string): { source: SourceFile; workplan: Workplan } {
  const parsed = parseWorkplan(text, file);
  if (!parsed.value) throw new Error(JSON.stringify(parsed.diagnostics));
  const validated = validateWorkplan(parsed.value);
  if (!validated.value) throw new Error(JSON.stringify(validated.diagnostics));
  return { source: parsed.value, workplan: validated.value };
}

function lint(text: string, file: string, previous?: Workplan): Diagnostic[] {
  const { source, workplan } = compile(text, file);
  return lintWorkplan({ source, workplan, previous, glossary, config: DEFAULT_CONFIG }).diagnostics;
}

const summary = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => `${d.ruleId} ${JSON.stringify(d.path)}: ${d.message}`);

describe("a plan without a meeting, a symbol or a table", () => {
  it("lints a five-year strategic plan with no finding", () => {
    expect(summary(lint(STRATEGIC, "workplans/2018-2022.yaml"))).toEqual([]);
  });

  it("lints a bare one-year plan with no finding", () => {
    expect(summary(lint(BARE, "workplans/2019.yaml"))).toEqual([]);
  });

  it("names items by the layout's labels: I.1, not 1.1", () => {
    const table = STRATEGIC.replace("  columns: []\n", "");
    const found = lint(table, "workplans/2018-2022.yaml").filter((d) => d.ruleId === "deliverable-has-plan");
    expect(found.map((d) => d.message)).toEqual([
      "deliverable I.1 (`travel-security`) has no row in the itemized table and does not say why",
      "deliverable I.2 (`mid-term-review`) has no row in the itemized table and does not say why",
      "deliverable I.3 (`returnees-dialogue`) has no row in the itemized table and does not say why",
    ]);
  });

  it("names items by position when the layout prints no label", () => {
    const unlabelled = STRATEGIC.replace("  columns: []\n", '  columns: []\n  itemLabel: ""\n').replace(
      "    text: Review this plan at its mid-term and agree any changes\n",
      "    text: Run a yearly programme of workshops on travel security for border officials\n",
    );
    const found = lint(unlabelled, "workplans/2018-2022.yaml").filter((d) => d.ruleId === "unique-titles");
    expect(found.map((d) => d.message)).toEqual(["deliverable #2 has the same wording as #1"]);
  });

  it("lists a TBD cover date, and no TBD in fields the cover does not have", () => {
    const draft = STRATEGIC.replace("  date: 2017-10-09\n", "  date: TBD\n");
    expect(summary(lint(draft, "workplans/2018-2022.yaml"))).toEqual(['fill-in ["cover","date"]: the cover date is still to be filled in']);
  });
});

describe("year-consistent with a period", () => {
  const ofRule = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.ruleId === "year-consistent");

  it("wants the file named after the period", () => {
    const found = ofRule(lint(STRATEGIC, "workplans/2018.yaml"));
    expect(summary(found)).toEqual(['year-consistent ["period"]: the plan\'s period is 2018-2022, but the file is named 2018.yaml']);
    expect(found[0]!.hint).toBe("rename the file to 2018-2022.yaml, or correct `period`");
  });

  it("accepts a cover dated in the period's first year or the year before, and no other", () => {
    expect(ofRule(lint(STRATEGIC.replace("date: 2017-10-09", "date: 2018-03-01"), "workplans/2018-2022.yaml"))).toEqual([]);
    const late = ofRule(lint(STRATEGIC.replace("date: 2017-10-09", "date: 2020-03-01"), "workplans/2018-2022.yaml"));
    expect(summary(late)).toEqual(['year-consistent ["cover","date"]: the cover date is in 2020, but the plan is for 2018-2022']);
  });

  it("checks a symbol against the cover date when there is no meeting", () => {
    const symbol = STRATEGIC.replace("cover:\n", "cover:\n  symbol: 2016/SOM3/CTWG/012\n");
    expect(summary(ofRule(lint(symbol, "workplans/2018-2022.yaml")))).toEqual([
      'year-consistent ["cover","symbol"]: the document symbol says 2016, but the cover date is in 2017',
    ]);
  });

  it("without any date, wants a symbol of the period's first year or the year before", () => {
    expect(ofRule(lint(BARE.replace("cover:\n", "cover:\n  symbol: 2018/SOM1/CTWG/004\n"), "workplans/2019.yaml"))).toEqual([]);
    const old = ofRule(lint(BARE.replace("cover:\n", "cover:\n  symbol: 2016/SOM1/CTWG/004\n"), "workplans/2019.yaml"));
    expect(summary(old)).toEqual(['year-consistent ["cover","symbol"]: the document symbol says 2016, but the plan is for 2019']);
  });

  it("keeps the one-year messages of the 2017 plan", () => {
    const found = ofRule(lint(replaceOnce(text2017(), "    date: 2017-02-28\n", "    date: 2015-02-28\n"), "workplans/2018.yaml"));
    expect(found.map((d) => d.message)).toEqual([
      "the plan's year is 2017, but the file is named 2018.yaml",
      "the meeting is in 2015, but the plan is for 2017",
      "the document symbol says 2017, but the meeting is in 2015",
      "the forum document number says 2017, but the meeting is in 2015",
    ]);
  });
});

describe("event-in-plan-year with a period", () => {
  const ofRule = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.ruleId === "event-in-plan-year");

  it("accepts events in any year of the period", () => {
    expect(ofRule(lint(STRATEGIC.replace("date: 2020-08", "date: 2022-11"), "workplans/2018-2022.yaml"))).toEqual([]);
  });

  it("reports an event after the period, naming the period", () => {
    const found = ofRule(lint(STRATEGIC.replace("date: 2020-08", "date: 2023-02"), "workplans/2018-2022.yaml"));
    expect(summary(found)).toEqual([
      `event-in-plan-year ["deliverables",1,"event","date"]: the event is dated 2023-02, outside the plan's period 2018-2022`,
    ]);
  });

  it("keeps the one-year message of the 2017 plan", () => {
    const text = replaceOnce(text2017(), "      date: 2017-02-21/2017-02-22\n", "      date: 2016-02-21/2016-02-22\n");
    const found = ofRule(lint(text, "workplans/2017.yaml"));
    expect(found.map((d) => [d.message, d.hint])).toEqual([
      [
        "the event is dated 2016-02-21/2016-02-22, outside the plan's year 2017",
        "correct the year to 2017, or move the item to the plan of the year it happens in",
      ],
    ]);
  });
});

describe("stale-date with a period", () => {
  it("reports a date before the period starts, naming the period", () => {
    const text = STRATEGIC.replace("in June 2019", "in June 2017");
    const found = lint(text, "workplans/2018-2022.yaml").filter((d) => d.ruleId === "stale-date");
    expect(found.map((d) => d.message)).toEqual(['"June 2017" is before the plan\'s period, 2018-2022']);
  });
});

describe("meeting-sequence with a period", () => {
  it("does not compare a five-year plan with the year before's plan", () => {
    const numbered = STRATEGIC.replace("      kind: meeting\n", "      kind: meeting\n      meetingNumber: 3\n");
    expect(lint(numbered, "workplans/2018-2022.yaml", workplan2017()).filter((d) => d.ruleId === "meeting-sequence")).toEqual([]);
  });
});

describe("known-purpose", () => {
  it("suggests the purpose a slip was meant to be", () => {
    const found = lint(STRATEGIC.replace("purpose: Information", "purpose: Infromation"), "workplans/2018-2022.yaml").filter(
      (d) => d.ruleId === "known-purpose",
    );
    expect(found.map((d) => [d.severity, d.path, d.message, d.hint])).toEqual([
      [
        "warning",
        ["cover", "purpose"],
        'the purpose "Infromation" is not one APEC\'s covers use; expected one of Information, Consideration, Endorsement, Approval, Discussion',
        "did you mean `Information`?",
      ],
    ]);
  });

  it("lists the purposes when nothing is close", () => {
    const found = lint(STRATEGIC.replace("purpose: Information", "purpose: For noting"), "workplans/2018-2022.yaml").filter(
      (d) => d.ruleId === "known-purpose",
    );
    expect(found.map((d) => d.hint)).toEqual(["write one of Information, Consideration, Endorsement, Approval, Discussion"]);
  });
});

describe("symbol-shape", () => {
  it("accepts a serial with a letter, and the year check reads its year", () => {
    const text = replaceOnce(text2017(), "  symbol: 2017/SOM1/SCE-COW/002\n", "  symbol: 2017/PPWE1/003b\n");
    expect(lint(text, "workplans/2017.yaml").filter((d) => d.ruleId === "symbol-shape" || d.ruleId === "year-consistent")).toEqual([]);
  });
});
