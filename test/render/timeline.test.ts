import { describe, expect, it } from "vitest";
import { parseGlossary } from "../../src/model/glossary.js";
import { markdown } from "../../src/render/markdown.js";
import { buildTimeline, TIMELINE_WIDTH } from "../../src/render/timeline.js";
import { buildView } from "../../src/render/view.js";
import { html } from "../../src/render/html.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compile, ROOT, workplan2017 } from "../support/workplan.js";

const glossary = parseGlossary(readFileSync(join(ROOT, "workplans/glossary.yaml"), "utf8"), "workplans/glossary.yaml").value!;

describe("buildTimeline", () => {
  const timeline = buildTimeline(workplan2017())!;

  it("places each dated event in its month, in the order of the year", () => {
    expect(timeline.events.map((e) => e.label)).toEqual([
      "1.1 9th CTWG meeting, Nha Trang",
      "1.2 Workshop, Bali (tbc)",
      "1.7 10th CTWG meeting, Ho Chi Minh City",
      "1.8 Workshop, Ho Chi Minh City (tbc)",
    ]);
    const column = TIMELINE_WIDTH / 12;
    const [meeting, bali, august] = timeline.events;
    expect(meeting!.x).toBeGreaterThan(column); // 21 February: in February's column
    expect(meeting!.x).toBeLessThan(2 * column);
    expect(bali!.x).toBe(2 * column); // March, the whole month
    expect(bali!.width).toBe(column);
    expect(august!.x).toBe(7 * column);
  });

  it("draws tbc events and those known only to the month as tentative", () => {
    expect(timeline.events.map((e) => e.tentative)).toEqual([false, true, true, true]);
  });

  it("puts events that would overlap in different lanes", () => {
    const [, , tenth, ftf] = timeline.events;
    expect(tenth!.y).not.toBe(ftf!.y);
    expect(timeline.height).toBeGreaterThan(ftf!.labelY);
  });

  it("is absent when no event has a date, and when the timeline is turned off", () => {
    const undated = structuredClone(workplan2017());
    for (const d of undated.deliverables) if (d.event) delete d.event.date;
    expect(buildTimeline(undated)).toBeNull();
    expect(buildView(workplan2017(), { timeline: false }).timeline).toBeNull();
  });

  it("is an inline SVG with a text alternative in the HTML, after the deliverables", async () => {
    const page = (await html.render(buildView(workplan2017()))) as string;
    const svg = page.slice(page.indexOf("<svg"), page.indexOf("</svg>") + 6);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<desc id="timeline-desc">1.1 9th CTWG meeting, Nha Trang: 21-22 February 2017;');
    expect(svg.match(/class="event tentative"/g)).toHaveLength(3);
    expect(page.indexOf("<svg")).toBeGreaterThan(page.indexOf('id="deliverable-ftf-returnees-workshop"'));
    expect(page.indexOf("<svg")).toBeLessThan(page.indexOf('<section id="plans">'));
    const without = (await html.render(buildView(workplan2017(), { timeline: false }))) as string;
    expect(without).not.toContain("<svg");
  });
});

describe("buildTimeline for a plan of several years", () => {
  const { workplan } = compile(`period: 2018-2022
document:
  itemLabel: "Activity {n}:"
  columns: []
cover:
  title: CTWG Strategic Plan 2018-2022
  date: 2017-10-09
title: CTWG Strategic Plan 2018-2022
deliverables:
  - id: first-review
    text: Review the plan
    event: { kind: meeting, date: 2018-01-10 }
  - id: mid-term-review
    text: Review the plan at its mid-term
    event: { kind: meeting, date: 2020-07, tbc: true, place: { economy: Malaysia } }
  - id: last-review
    text: Review the plan at its end
    event: { kind: other, date: 2022-12-01/2022-12-31 }
`);
  const timeline = buildTimeline(workplan!)!;

  it("has one column a year, labelled with the year", () => {
    const year = TIMELINE_WIDTH / 5;
    expect(timeline.months).toEqual([2018, 2019, 2020, 2021, 2022].map((label, i) => ({ label: String(label), x: i * year, width: year })));
  });

  it("places each event in its month of its year, labelled as the document labels it", () => {
    const month = TIMELINE_WIDTH / 60;
    expect(timeline.events.map((e) => [e.label, e.x, e.tentative])).toEqual([
      ["Activity 1: Meeting", Math.round((9 / 31) * month * 100) / 100, false],
      ["Activity 2: Meeting, Malaysia (tbc)", 2 * 12 * month + 6 * month, true],
      ["Activity 3: Other", 4 * 12 * month + 11 * month, false],
    ]);
    expect(timeline.events[1]!.width).toBe(month);
    expect(timeline.events[2]!.x + timeline.events[2]!.width).toBeLessThanOrEqual(TIMELINE_WIDTH);
  });

  it("names the period in its caption", () => {
    expect(timeline.caption).toBe("Meetings and workshops in 2018-2022; dashed: to be confirmed or known only to the month.");
  });

  it("keeps the 2017 caption and twelve months for a plan of one year", () => {
    const oneYear = buildTimeline(workplan2017())!;
    expect(oneYear.caption).toBe("Meetings and workshops in 2017; dashed: to be confirmed or known only to the month.");
    expect(oneYear.months.map((m) => m.label)).toEqual([
      "Jan",
      "Feb",
      "Mar",
      "Apr",
      "May",
      "Jun",
      "Jul",
      "Aug",
      "Sep",
      "Oct",
      "Nov",
      "Dec",
    ]);
  });
});

describe("the acronym annex", () => {
  it("lists the acronyms the plan uses with their glossary names, alphabetically", () => {
    const annex = buildView(workplan2017(), { glossary }).annex!;
    const acronyms = annex.entries.map((e) => e.acronym);
    expect(acronyms).toEqual([...acronyms].sort((a, b) => a.localeCompare(b)));
    expect(annex.entries).toContainEqual({ acronym: "TPTWG", name: "Transportation Working Group" });
    expect(annex.entries).toContainEqual({ acronym: "MEG-SEC", name: "Maritime Security Experts Group" });
    // In the glossary but not in the 2017 plan.
    expect(acronyms).not.toContain("ABAC");
    expect(acronyms).not.toContain("CSOM");
  });

  it("is printed in the Markdown and the HTML, and left out without a glossary", async () => {
    const view = buildView(workplan2017(), { glossary });
    expect(markdown.render(view)).toContain(
      "## Annex: Acronyms\n\n| Acronym | Full name |\n| --- | --- |\n| AEG-SEC | Aviation Security Experts Group |",
    );
    expect(await html.render(view)).toContain('<tr><th scope="row">WCO</th><td>World Customs Organization</td></tr>');
    expect(markdown.render(buildView(workplan2017()))).not.toContain("Annex");
  });
});
