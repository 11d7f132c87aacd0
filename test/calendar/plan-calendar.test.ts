import { describe, expect, it } from "vitest";
import { planCalendar, type CalendarEvent } from "../../src/calendar/plan-calendar.js";
import { compile, data2017, type PlanData, toYaml, workplan2017 } from "../support/workplan.js";

/** The 2017 plan with its data changed by `edit`; throws if the result does not validate. */
function edited(edit: (data: PlanData) => void) {
  const data = data2017();
  edit(data);
  const { workplan, diagnostics } = compile(toYaml(data));
  if (!workplan) throw new Error(`the edited plan does not validate: ${JSON.stringify(diagnostics)}`);
  return workplan;
}

const byId = (events: CalendarEvent[], id: string) => {
  const event = events.find((e) => e.uid === `2017-${id}@ctwg`);
  if (!event) throw new Error(`no event for ${id}`);
  return event;
};

const deliverable = (data: PlanData, id: string) => data.deliverables.find((d: { id: string }) => d.id === id);

describe("planCalendar on the 2017 plan", () => {
  const events = planCalendar(workplan2017());

  it("makes an event of each deliverable whose event has a date, in plan order", () => {
    expect(events.map((e) => e.uid)).toEqual([
      "2017-first-ctwg-meeting@ctwg",
      "2017-tourism-security-workshop@ctwg",
      "2017-second-ctwg-meeting@ctwg",
      "2017-ftf-returnees-workshop@ctwg",
    ]);
    // 1.3 has an event but no date; 1.4-1.6 have no event at all.
    expect(events.map((e) => e.uid).join()).not.toMatch(/mesf-workshop-viet-nam|strategy-review|vice-chair-election/);
  });

  it("gives each event its first day and the day after its last", () => {
    expect(events.map((e) => [e.kind, e.start, e.end])).toEqual([
      ["meeting", "2017-02-21", "2017-02-23"], // 21-22 February
      ["workshop", "2017-03-01", "2017-04-01"], // March
      ["meeting", "2017-08-01", "2017-09-01"], // August
      ["workshop", "2017-08-01", "2017-09-01"], // August
    ]);
  });

  it("marks events known only to the month, or marked tbc, as tentative", () => {
    expect(events.map((e) => e.tentative)).toEqual([false, true, true, true]);
  });

  it("names the place as city and economy", () => {
    expect(events.map((e) => e.location)).toEqual([
      "Nha Trang, Viet Nam",
      "Bali, Indonesia",
      "Ho Chi Minh City, Viet Nam",
      "Ho Chi Minh City, Viet Nam",
    ]);
  });

  it("titles each event with the deliverable's text", () => {
    expect(byId(events, "first-ctwg-meeting").title).toBe(
      "Hold 9th Counter Terrorism Working Group (CTWG) Meeting in Nha Trang, Viet Nam 21-22 February",
    );
    expect(byId(events, "tourism-security-workshop").title).toBe(
      "Hold a workshop on Safeguarding the Tourism Industry against the Negative Impact of a Terrorist Attack (CTWG 01 2016A) in Bali, Indonesia in March (tbc)",
    );
  });

  it("describes an event with its meeting number, date, row summary (paragraphs and bullets) and source", () => {
    expect(byId(events, "first-ctwg-meeting").description).toBe(
      [
        "9th CTWG meeting.",
        "When: 21-22 February 2017.",
        "CTWG will hold its first meeting in 2017 on 21-22 February. The meeting will discuss among other:",
        [
          "- Individual Counter Terrorism Action Plan (CTAP) submission by member economies in 2016",
          "- International Counter Terrorism efforts in other fora",
          "- Current threats in the Asia Pacific Region and measures taken by economies to eliminate the threats",
        ].join("\n"),
        "Source: 2017/SOM1/SCE-COW/002, Counter-Terrorism Working Group Proposed Workplan for 2017, item 1.1.",
      ].join("\n\n"),
    );
    expect(byId(events, "second-ctwg-meeting").description).toMatch(/^10th CTWG meeting\.\n\nWhen: August 2017, day not yet known\.\n\n/);
    expect(byId(events, "tourism-security-workshop").description).toMatch(/^When: March 2017, day not yet known \(to be confirmed\)\.\n\n/);
    expect(byId(events, "ftf-returnees-workshop").description).not.toMatch(/CTWG meeting/);
  });

  it("gives the same UIDs on every run and a different one to every item", () => {
    const again = planCalendar(workplan2017());
    expect(again).toEqual(events);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });
});

describe("planCalendar on edited plans", () => {
  it("keeps an item's UID when items are reordered, and changes it with the year", () => {
    const reordered = planCalendar(edited((data) => data.deliverables.reverse()));
    expect(reordered.map((e) => e.uid)).toEqual([
      "2017-ftf-returnees-workshop@ctwg",
      "2017-second-ctwg-meeting@ctwg",
      "2017-tourism-security-workshop@ctwg",
      "2017-first-ctwg-meeting@ctwg",
    ]);
    const nextYear = planCalendar(edited((data) => (data.year = 2018)));
    expect(nextYear[0]!.uid).toBe("2018-first-ctwg-meeting@ctwg");
  });

  it("ends a single day on the next day, across a month and a year", () => {
    const events = planCalendar(
      edited((data) => {
        deliverable(data, "first-ctwg-meeting").event.date = "2017-02-28";
        deliverable(data, "second-ctwg-meeting").event.date = "2017-12-31";
      }),
    );
    expect([events[0]!.start, events[0]!.end]).toEqual(["2017-02-28", "2017-03-01"]);
    expect(events[0]!.tentative).toBe(false);
    expect([byId(events, "second-ctwg-meeting").start, byId(events, "second-ctwg-meeting").end]).toEqual(["2017-12-31", "2018-01-01"]);
  });

  it("ends a range that crosses a month on the day after its last day", () => {
    const [event] = planCalendar(edited((data) => (deliverable(data, "first-ctwg-meeting").event.date = "2017-06-30/2017-07-01")));
    expect([event!.start, event!.end]).toEqual(["2017-06-30", "2017-07-02"]);
  });

  it("ends December on 1 January of the next year", () => {
    const events = planCalendar(edited((data) => (deliverable(data, "second-ctwg-meeting").event.date = "2017-12")));
    const event = byId(events, "second-ctwg-meeting");
    expect([event.start, event.end, event.tentative]).toEqual(["2017-12-01", "2018-01-01", true]);
  });

  it("makes a day marked tbc tentative", () => {
    const [event] = planCalendar(edited((data) => (deliverable(data, "first-ctwg-meeting").event.tbc = true)));
    expect(event!.tentative).toBe(true);
    expect(event!.title).toMatch(/ \(tbc\)$/); // as the document prints it
    expect(event!.description).toMatch(/^9th CTWG meeting\.\n\nWhen: 21-22 February 2017 \(to be confirmed\)\.\n\n/);
  });

  it("names only the economy when there is no city, and no place when there is none", () => {
    const events = planCalendar(
      edited((data) => {
        delete deliverable(data, "first-ctwg-meeting").event.place.city;
        delete deliverable(data, "second-ctwg-meeting").event.place;
      }),
    );
    expect(events[0]!.location).toBe("Viet Nam");
    expect(byId(events, "second-ctwg-meeting").location).toBeNull();
  });

  it("includes dated dialogues and other events, and a deliverable without a row has no summary", () => {
    const events = planCalendar(
      edited((data) => {
        deliverable(data, "vice-chair-election").event = { kind: "other", date: "2017-08-15" };
        deliverable(data, "mesf-workshop-viet-nam").event = { kind: "dialogue", date: "2017-05-02" };
      }),
    );
    const election = byId(events, "vice-chair-election");
    expect([election.kind, election.start, election.end, election.location]).toEqual(["other", "2017-08-15", "2017-08-16", null]);
    expect(election.description).toBe(
      "When: 15 August 2017.\n\nSource: 2017/SOM1/SCE-COW/002, Counter-Terrorism Working Group Proposed Workplan for 2017, item 1.6.",
    );
    expect(byId(events, "mesf-workshop-viet-nam").kind).toBe("dialogue");
    expect(events).toHaveLength(6);
  });

  it("prints nested bullets indented under their parent", () => {
    const events = planCalendar(
      edited((data) => {
        deliverable(data, "first-ctwg-meeting").plan.summary = [{ list: [{ text: "Outer", items: ["Inner"] }, "Next"] }];
      }),
    );
    expect(events[0]!.description).toContain("\n\n- Outer\n  - Inner\n- Next\n\n");
  });
});

describe("planCalendar on plans of other shapes", () => {
  const strategic = (labels: string) => {
    const { workplan, diagnostics } = compile(`period: 2018-2022
document:
  itemLabel: "${labels}"
  columns: []
cover:
  title: CTWG Strategic Plan 2018-2022
  date: 2017-10-09
title: CTWG Strategic Plan 2018-2022
deliverables:
  - id: planning
    text: Agree the yearly work plans
  - id: mid-term-review
    text: Review the plan at its mid-term
    event: { kind: meeting, date: 2020-08, place: { economy: Malaysia } }
`);
    if (!workplan) throw new Error(JSON.stringify(diagnostics));
    return workplan;
  };

  it("names a plan of several years' events by the period in their UIDs", () => {
    expect(planCalendar(strategic("{section}.{n}")).map((e) => e.uid)).toEqual(["2018-2022-mid-term-review@ctwg"]);
  });

  it("cites a plan without a symbol by its title, and the item by the layout's label", () => {
    const [event] = planCalendar(strategic("Activity {n}:"));
    expect(event!.description).toBe("When: August 2020, day not yet known.\n\nSource: CTWG Strategic Plan 2018-2022, item Activity 2.");
    const [unlabelled] = planCalendar(strategic(""));
    expect(unlabelled!.description).toMatch(/, item #2\.$/);
  });
});
