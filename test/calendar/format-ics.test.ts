import ICAL from "ical.js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { formatIcs, PRODID } from "../../src/calendar/format-ics.js";
import { planCalendar, type CalendarEvent } from "../../src/calendar/plan-calendar.js";
import { workplan2017 } from "../support/workplan.js";

const STAMP = new Date("2017-02-28T00:00:00Z");
const ics2017 = () => formatIcs(planCalendar(workplan2017()), { name: "CTWG workplan 2017", stamp: STAMP });

/** The events of an iCalendar text as ical.js reads them. */
function parsed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, events: calendar.getAllSubcomponents("vevent") };
}

const event = (overrides: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: "2017-test@ctwg",
  title: "Test",
  description: "A test.",
  location: null,
  start: "2017-05-02",
  end: "2017-05-03",
  tentative: false,
  kind: "meeting",
  ...overrides,
});

afterEach(() => vi.useRealTimers());

describe("formatIcs", () => {
  it("writes the 2017 calendar as in the golden file", async () => {
    await expect(ics2017()).toMatchFileSnapshot("../fixtures/calendar/2017.ics");
  });

  it("ends every line, the last included, with CRLF and never a bare CR or LF", () => {
    const text = ics2017();
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("folds lines at 75 octets without splitting a character", () => {
    const long = `${"Workshop on the safety of ports, airports and börders; ".repeat(4)}🚢 ${"ü".repeat(100)}`;
    const text = formatIcs([event({ title: long, description: long })], { name: "x", stamp: STAMP });
    const lines = text.split("\r\n").slice(0, -1);
    for (const line of lines) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(lines.filter((line) => line.startsWith(" ")).length).toBeGreaterThan(4);
    // No character was cut in two: a cut 🚢 would leave half a surrogate pair at a line's end or start.
    for (const line of lines) expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    const [parsedEvent] = parsed(text).events;
    expect(new ICAL.Event(parsedEvent).summary).toBe(long);
    expect(new ICAL.Event(parsedEvent).description).toBe(long);
  });

  it("escapes commas, semicolons, backslashes and newlines in text", () => {
    const text = formatIcs(
      [event({ title: "Meeting, part 1; day\\2", description: "First.\n\n- a, b", location: "Nha Trang, Viet Nam" })],
      { name: "CTWG, 2017", stamp: STAMP },
    );
    expect(text).toContain("\r\nSUMMARY:Meeting\\, part 1\\; day\\\\2\r\n");
    expect(text).toContain("\r\nDESCRIPTION:First.\\n\\n- a\\, b\r\n");
    expect(text).toContain("\r\nLOCATION:Nha Trang\\, Viet Nam\r\n");
    // Both are TEXT (RFC 7986 5.1; RFC 5545 3.8.8.2 makes TEXT the default of an X- property), which
    // ical.js reads without unescaping, so the raw lines are checked.
    expect(text).toContain("\r\nNAME:CTWG\\, 2017\r\nX-WR-CALNAME:CTWG\\, 2017\r\n");
    const { events } = parsed(text);
    const read = new ICAL.Event(events[0]);
    expect([read.summary, read.description, read.location]).toEqual(["Meeting, part 1; day\\2", "First.\n\n- a, b", "Nha Trang, Viet Nam"]);
  });

  it("gives the calendar its PRODID, version and name", () => {
    const { calendar } = parsed(ics2017());
    expect(PRODID).toBe("-//ctwg//workplan calendar//EN");
    expect(calendar.getFirstPropertyValue("prodid")).toBe(PRODID);
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("CTWG workplan 2017");
  });

  it("writes all-day events that a parser reads back", () => {
    const { events } = parsed(ics2017());
    const read = events.map((component) => {
      const e = new ICAL.Event(component);
      return {
        uid: e.uid,
        summary: e.summary,
        allDay: e.startDate.isDate && e.endDate.isDate,
        start: e.startDate.toString(),
        end: e.endDate.toString(),
        status: component.getFirstPropertyValue("status"),
        location: e.location,
        categories: component.getFirstPropertyValue("categories"),
        stamp: (component.getFirstPropertyValue("dtstamp") as ICAL.Time).toString(),
      };
    });
    expect(read).toEqual([
      {
        uid: "2017-first-ctwg-meeting@ctwg",
        summary: "Hold 9th Counter Terrorism Working Group (CTWG) Meeting in Nha Trang, Viet Nam 21-22 February",
        allDay: true,
        start: "2017-02-21",
        end: "2017-02-23",
        status: "CONFIRMED",
        location: "Nha Trang, Viet Nam",
        categories: "MEETING",
        stamp: "2017-02-28T00:00:00Z",
      },
      expect.objectContaining({
        uid: "2017-tourism-security-workshop@ctwg",
        start: "2017-03-01",
        end: "2017-04-01",
        status: "TENTATIVE",
        categories: "WORKSHOP",
        location: "Bali, Indonesia",
      }),
      expect.objectContaining({
        uid: "2017-second-ctwg-meeting@ctwg",
        start: "2017-08-01",
        end: "2017-09-01",
        status: "TENTATIVE",
        categories: "MEETING",
      }),
      expect.objectContaining({
        uid: "2017-ftf-returnees-workshop@ctwg",
        start: "2017-08-01",
        end: "2017-09-01",
        status: "TENTATIVE",
        allDay: true,
      }),
    ]);
    expect(new ICAL.Event(events[0]).description).toMatch(/^9th CTWG meeting\.\n\n.*\n\n- Individual Counter Terrorism Action Plan/s);
  });

  it("leaves LOCATION out when an event has no place", () => {
    const text = formatIcs([event()], { name: "x", stamp: STAMP });
    expect(text).not.toContain("LOCATION");
    expect(text).toContain("\r\nSTATUS:CONFIRMED\r\n");
  });

  it("takes DTSTAMP and UIDs from its input, never from the clock or a random source", () => {
    const first = ics2017();
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2031-07-09T12:34:56Z"));
    const later = ics2017();
    expect(later).toBe(first);
    expect(later).not.toContain("2031");
    const restamped = formatIcs(planCalendar(workplan2017()), { name: "CTWG workplan 2017", stamp: new Date("2020-01-02T03:04:05Z") });
    expect(restamped.match(/^DTSTAMP:.*$/gm)).toEqual(Array(4).fill("DTSTAMP:20200102T030405Z"));
  });
});
