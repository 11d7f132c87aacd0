import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Workplan } from "../../src/model/schema.js";
import { ordinal, yearShift } from "../../src/diff/year-shift.js";
import { compile, ROOT, workplan2017 } from "../support/workplan.js";

/** Only what yearShift reads: the year and the meetings' numbers. */
const plan = (year: number, meetings: number[]) =>
  ({ year, deliverables: meetings.map((meetingNumber) => ({ event: { kind: "meeting", meetingNumber } })) }) as unknown as Workplan;

const fixture = (name: string) => {
  const file = join("test", "fixtures", "diff", name);
  const { workplan } = compile(readFileSync(join(ROOT, file), "utf8"), file);
  if (!workplan) throw new Error(`${file} does not validate`);
  return workplan;
};

describe("yearShift", () => {
  it("maps the plan's year and the year before to the next plan's", () => {
    const shift = yearShift(plan(2017, [9, 10]), plan(2018, [11, 12]));
    expect(shift("In 2016, APEC Leaders")).toBe("In 2017, APEC Leaders");
    expect(shift("CTWG will hold its first meeting in 2017 on 21-22 February")).toBe(
      "CTWG will hold its first meeting in 2018 on 21-22 February",
    );
    expect(shift("2017-08")).toBe("2018-08");
  });

  it("maps 2016 to 2017 between the 2016 and 2017 plans", () => {
    const shift = yearShift(plan(2016, [7, 8]), plan(2017, [9, 10]));
    expect(shift("Session 1 2016, as agreed in 2015")).toBe("Session 1 2017, as agreed in 2016");
  });

  it("leaves other years alone, and shifts each year once", () => {
    const shift = yearShift(plan(2017, [9, 10]), plan(2018, [11, 12]));
    expect(shift("the June 2013 Policy Dialogue, the 2015 statement")).toBe("the June 2013 Policy Dialogue, the 2015 statement");
    // 2018 is not the old plan's year: it stays, and the 2017 that became 2018 is not shifted again.
    expect(shift("Strategic Plan 2018-2022; 2013-2017")).toBe("Strategic Plan 2018-2022; 2013-2018");
    // Not a year: five digits, or four inside a word.
    expect(shift("20170 and CTWG2017")).toBe("20170 and CTWG2017");
  });

  it("renumbers the meetings: the 9th and 10th of 2017 are the 11th and 12th of 2018", () => {
    const shift = yearShift(plan(2017, [9, 10]), plan(2018, [11, 12]));
    expect(shift("Hold 9th Counter Terrorism Working Group (CTWG) Meeting")).toBe(
      "Hold 11th Counter Terrorism Working Group (CTWG) Meeting",
    );
    expect(shift("10th Meeting of CTWG")).toBe("12th Meeting of CTWG");
    expect(shift("the 9 th meeting")).toBe("the 11th meeting");
  });

  it("leaves ordinals that are not the old plan's meetings alone, and shifts each once", () => {
    const shift = yearShift(plan(2017, [9, 10]), plan(2018, [11, 12]));
    expect(shift("its 1st, 2nd and 3rd sessions; the 11th meeting")).toBe("its 1st, 2nd and 3rd sessions; the 11th meeting");
    expect(shift("9 economies, 10 workshops")).toBe("9 economies, 10 workshops");
  });

  it("changes nothing between two plans of the same year", () => {
    const shift = yearShift(plan(2017, [9, 10]), plan(2017, [11, 12]));
    expect(shift("In 2016, the 9th meeting of 2017")).toBe("In 2016, the 9th meeting of 2017");
  });

  it("reads the meeting numbers of the real plans", () => {
    const shift = yearShift(workplan2017(), fixture("2018.yaml"));
    expect(shift("9th and 10th meetings of 2017")).toBe("11th and 12th meetings of 2018");
    const earlier = yearShift(fixture("2016.yaml"), workplan2017());
    expect(earlier("7th and 8th meetings of 2016")).toBe("9th and 10th meetings of 2017");
  });
});

describe("ordinal", () => {
  it("writes English ordinals, teens included", () => {
    expect([1, 2, 3, 4, 9, 11, 12, 13, 21, 22, 23, 101, 111, 112].map(ordinal)).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "9th",
      "11th",
      "12th",
      "13th",
      "21st",
      "22nd",
      "23rd",
      "101st",
      "111th",
      "112th",
    ]);
  });
});
