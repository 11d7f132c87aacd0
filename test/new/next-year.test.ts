import { describe, expect, it } from "vitest";
import { nextPeriod, nextYearPlan } from "../../src/new/next-year.js";
import type { Workplan } from "../../src/model/schema.js";
import { validateWorkplan } from "../../src/model/validate-workplan.js";
import { parseWorkplan, type SourceFile } from "../../src/parse/parse-workplan.js";
import { compile as compileDraft, text2017 } from "../support/workplan.js";

/** `ctwg new` on plans of other shapes than the 2017 one; the 2017 → 2018 draft is test/cli/new.test.ts's golden. */

function compile(text: string): { source: SourceFile; workplan: Workplan } {
  const parsed = parseWorkplan(text, "plan.yaml");
  if (!parsed.value) throw new Error(JSON.stringify(parsed.diagnostics));
  const validated = validateWorkplan(parsed.value);
  if (!validated.value) throw new Error(JSON.stringify(validated.diagnostics));
  return { source: parsed.value, workplan: validated.value };
}

/** The draft's text, and the draft compiled; throws when the draft does not validate. */
function draftOf(text: string) {
  const { source, workplan } = compile(text);
  const draft = nextYearPlan(source, workplan);
  const compiled = compileDraft(draft.text);
  if (!compiled.workplan) throw new Error(`the draft does not validate: ${JSON.stringify(compiled.diagnostics)}\n${draft.text}`);
  return { ...draft, workplan: compiled.workplan };
}

const STRATEGIC = `period: 2018-2022
status: endorsed
document:
  numbering: roman
  numberedSections: [deliverables]
  columns: []
cover:
  stamp: Endorsed by the CTWG as at 9 October 2017
  title: Counter-Terrorism Working Group Strategic Plan 2018-2022
  purpose: Information
  date: 2017-10-09
title: APEC Counter-Terrorism Working Group Strategic Plan 2018-2022
deliverables:
  # I.1
  - id: review-previous-plan
    text: Review how the Strategic Plan 2013-2017 was carried out
    oneOff: true
  # I.2
  - id: yearly-meeting
    text: Meet in 2018 and each year after to agree the yearly work plan
    event:
      kind: meeting
      date: 2018-02-20/2018-02-21
  # I.3
  - id: returnees-dialogue
    text: Hold a dialogue on FTF returnees
    event:
      kind: dialogue
      date: 2019-06
`;

describe("nextPeriod", () => {
  it("is the next year for a one-year plan, the next span of as many years for a period", () => {
    expect(nextPeriod({ start: 2017, end: 2017, label: "2017" })).toEqual({ start: 2018, end: 2018, label: "2018" });
    expect(nextPeriod({ start: 2018, end: 2022, label: "2018-2022" })).toEqual({ start: 2023, end: 2027, label: "2023-2027" });
  });
});

describe("ctwg new from a plan of several years", () => {
  const draft = draftOf(STRATEGIC);

  it("makes the next five-year plan, writing its period and no year", () => {
    expect(draft.period).toEqual({ start: 2023, end: 2027, label: "2023-2027" });
    expect(draft.year).toBe(2023);
    expect(draft.text).toMatch(/^period: 2023-2027\nstatus: draft\n/m);
    expect(draft.text).not.toMatch(/^year:/m);
    expect(draft.workplan.period).toEqual(draft.period);
    expect(draft.workplan.status).toBe("draft");
    expect(draft.text).toContain("# Draft for 2023-2027, started from the 2018-2022 plan by `ctwg new`");
  });

  it("moves the titles on by the period, and the plan before it whole", () => {
    expect(draft.workplan.cover.title).toBe("Counter-Terrorism Working Group Strategic Plan 2023-2027");
    expect(draft.workplan.title).toBe("APEC Counter-Terrorism Working Group Strategic Plan 2023-2027");
  });

  it("sets placeholders only in the cover fields the plan has, and drops the stamp", () => {
    const { cover } = draft.workplan;
    expect(cover.date).toBe("TBD");
    expect(cover.stamp).toBeUndefined();
    expect(cover.purpose).toBe("Information");
    for (const absent of ["symbol", "forumDocNo", "agendaItem", "meeting"] as const) expect(cover[absent], absent).toBeUndefined();
  });

  it("carries recurring items five years on, and lists one-off items by their labels", () => {
    expect(draft.workplan.deliverables.map((d) => [d.id, d.text, d.event?.date, d.event?.tbc])).toEqual([
      ["yearly-meeting", "Meet in 2023 and each year after to agree the yearly work plan", "2023-02-20/2023-02-21", true],
    ]);
    expect(draft.leftOut).toEqual([
      { number: "I.1", text: "Review how the Strategic Plan 2013-2017 was carried out", reason: "marked oneOff" },
      { number: "I.3", text: "Hold a dialogue on FTF returnees", reason: "a dialogue, held once" },
    ]);
  });

  it("keeps the label comments in step with the new labels", () => {
    expect(draft.text).toContain("  # I.1\n  - id: yearly-meeting");
  });
});

describe("ctwg new from a plan with the least a cover can have", () => {
  const BARE = `year: 2019
cover:
  title: CTWG Work Plan for 2019
title: Counter-Terrorism Working Group Work Plan for 2019
`;

  it("moves the year on and adds no cover field", () => {
    const draft = draftOf(BARE);
    expect(draft.text).toBe(
      "# Draft for 2020, started from the 2019 plan by `ctwg new`: `ctwg lint` lists what is left to fill in.\n\n" +
        "year: 2020\nstatus: draft\ncover:\n  title: CTWG Work Plan for 2020\ntitle: Counter-Terrorism Working Group Work Plan for 2020\n",
    );
    expect(draft.leftOut).toEqual([]);
  });

  it("sets only the meeting fields there are: no city when the meeting names none", () => {
    const text = text2017().replace("    city: Nha Trang\n", "");
    const draft = draftOf(text);
    expect(draft.workplan.cover.meeting).toEqual({ name: "TBD", economy: "TBD", date: "TBD" });
  });
});
