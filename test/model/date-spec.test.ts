import { describe, expect, it } from "vitest";
import { checkDateSpec, DATE_SPEC_PATTERN, formatDateSpec, parseDateSpec } from "../../src/model/date-spec.js";

/** Parses a spec that must be valid and formats it. */
function formatted(text: string): string {
  const spec = parseDateSpec(text);
  if (typeof spec === "string") throw new Error(`${text} was rejected: ${spec}`);
  return formatDateSpec(spec);
}

describe("parseDateSpec", () => {
  it("reads a day", () => {
    expect(parseDateSpec("2017-02-28")).toEqual({ kind: "day", start: { year: 2017, month: 2, day: 28 } });
  });

  it("reads a month", () => {
    expect(parseDateSpec("2017-08")).toEqual({ kind: "month", year: 2017, month: 8 });
  });

  it("reads a range within a month, across months and across years", () => {
    expect(parseDateSpec("2017-02-21/2017-02-22")).toEqual({
      kind: "range",
      start: { year: 2017, month: 2, day: 21 },
      end: { year: 2017, month: 2, day: 22 },
    });
    expect(parseDateSpec("2017-06-30/2017-07-01")).toMatchObject({ kind: "range", end: { month: 7, day: 1 } });
    expect(parseDateSpec("2017-12-31/2018-01-02")).toMatchObject({ kind: "range", start: { year: 2017 }, end: { year: 2018 } });
  });

  it("rejects a day that does not exist, naming the month's length", () => {
    const problem = parseDateSpec("2017-02-30");
    expect(typeof problem).toBe("string");
    expect(problem).toContain("2017-02-30 does not exist");
    expect(problem).toContain("28 days");
    expect(parseDateSpec("2017-04-31")).toContain("30 days");
    expect(parseDateSpec("2017-01-00")).toContain("does not exist");
  });

  it("accepts 29 February in a leap year only", () => {
    expect(parseDateSpec("2016-02-29")).toEqual({ kind: "day", start: { year: 2016, month: 2, day: 29 } });
    expect(checkDateSpec("2000-02-29")).toBeUndefined();
    expect(checkDateSpec("2017-02-29")).toContain("does not exist");
    expect(checkDateSpec("1900-02-29")).toContain("does not exist");
  });

  it("rejects month 13 and month 00, in a day, a month and a range", () => {
    expect(parseDateSpec("2017-13-01")).toContain("no month 13");
    expect(parseDateSpec("2017-13")).toContain("no month 13");
    expect(parseDateSpec("2017-00")).toContain("no month 0");
    expect(parseDateSpec("2017-02-01/2017-13-01")).toContain("no month 13");
  });

  it("rejects a range that ends before it starts, or on the day it starts", () => {
    expect(parseDateSpec("2017-02-22/2017-02-21")).toContain("ends on or before it starts");
    expect(parseDateSpec("2018-01-01/2017-12-31")).toContain("ends on or before it starts");
    expect(parseDateSpec("2017-02-22/2017-02-22")).toContain("ends on or before it starts");
  });

  it("rejects a range that starts with a month", () => {
    expect(DATE_SPEC_PATTERN.test("2017-02/2017-03-01")).toBe(true);
    expect(parseDateSpec("2017-02/2017-03-01")).toContain("a range runs from a day to a day");
  });

  it("rejects a range whose end does not exist", () => {
    expect(parseDateSpec("2017-02-27/2017-02-30")).toContain("2017-02-30 does not exist");
  });
});

describe("checkDateSpec", () => {
  it("returns undefined for a real day and the message for an impossible one", () => {
    expect(checkDateSpec("2017-02-28")).toBeUndefined();
    expect(checkDateSpec("2017-08")).toBeUndefined();
    expect(checkDateSpec("2017-02-21/2017-02-22")).toBeUndefined();
    expect(checkDateSpec("2017-02-30")).toMatch(/February 2017 has 28 days/);
  });
});

describe("DATE_SPEC_PATTERN", () => {
  it("accepts the three shapes and nothing else", () => {
    for (const ok of ["2017-02-28", "2017-08", "2017-02-21/2017-02-22"]) expect(DATE_SPEC_PATTERN.test(ok), ok).toBe(true);
    for (const bad of ["28 February 2017", "2017", "2017-2-28", "2017-02-28/", "2017-02-21/2017-03", "2017-02-28T10:00"]) {
      expect(DATE_SPEC_PATTERN.test(bad), bad).toBe(false);
    }
  });
});

describe("formatDateSpec", () => {
  it("writes dates the way APEC documents do", () => {
    expect(formatted("2017-02-28")).toBe("28 February 2017");
    expect(formatted("2017-02-01")).toBe("1 February 2017");
    expect(formatted("2017-02-21/2017-02-22")).toBe("21-22 February 2017");
    expect(formatted("2017-06-30/2017-07-01")).toBe("30 June-1 July 2017");
    expect(formatted("2017-12-31/2018-01-02")).toBe("31 December 2017-2 January 2018");
    expect(formatted("2017-08")).toBe("August 2017");
    expect(formatted("2017-01")).toBe("January 2017");
    expect(formatted("2016-02-29")).toBe("29 February 2016");
  });
});
