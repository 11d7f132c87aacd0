import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NO_PAINT } from "../../src/diagnostics/formatters/formatter.js";
import type { Change } from "../../src/diff/change.js";
import { diffWorkplans } from "../../src/diff/diff-workplans.js";
import { formatDiffText } from "../../src/diff/formats/text.js";
import type { Workplan } from "../../src/model/schema.js";
import { compile, data2017, ROOT, text2017, toYaml, workplan2017 } from "../support/workplan.js";

const fixtureText = (name: string) => readFileSync(join(ROOT, "test", "fixtures", "diff", name), "utf8");
const fixture = (name: string): Workplan => {
  const { workplan, diagnostics } = compile(fixtureText(name), `test/fixtures/diff/${name}`);
  if (!workplan) throw new Error(`${name} does not validate: ${JSON.stringify(diagnostics, null, 2)}`);
  return workplan;
};
const plan = (data: unknown): Workplan => {
  const { workplan, diagnostics } = compile(toYaml(data));
  if (!workplan) throw new Error(`mutated plan does not validate: ${JSON.stringify(diagnostics, null, 2)}`);
  return workplan;
};

const w2016 = fixture("2016.yaml");
const w2017 = workplan2017();
const w2018 = fixture("2018.yaml");

/** Each deliverable change as `kind id` (the id on the side that has it), in the order reported. */
const deliverableChanges = (changes: readonly Change[], before: Workplan, after: Workplan) =>
  changes
    .filter((c) => c.section === "deliverables")
    .map((c) => `${c.kind} ${c.after ? after.deliverables[c.after.index!]!.id : before.deliverables[c.before!.index!]!.id}`);
const all = (changes: readonly Change[]): Change[] => changes.flatMap((c) => [c, ...all(c.details ?? [])]);

describe("diffWorkplans: no differences", () => {
  it("finds nothing between a plan and itself", () => {
    const diff = diffWorkplans(w2017, workplan2017());
    expect(diff.changes).toEqual([]);
    expect(diff.summary).toEqual({ carriedOver: 8, edited: 0, added: 0, removed: 0, moved: 0, renamed: 0, changes: 0 });
    expect(diff.before).toEqual({ label: "2017", year: 2017 });
  });

  it("finds nothing between a plan and the same plan formatted differently", () => {
    // The fixture really is written differently: comments, quoting, key order, wrapping.
    expect(fixtureText("2017-reformatted.yaml")).not.toBe(text2017());
    const diff = diffWorkplans(w2017, fixture("2017-reformatted.yaml"));
    expect(diff.changes).toEqual([]);
    expect(diff.summary.carriedOver).toBe(8);
  });

  it("takes the labels it is given", () => {
    const diff = diffWorkplans(w2017, w2018, { beforeLabel: "main:workplans/2017.yaml", afterLabel: "workplans/2018.yaml" });
    expect(diff.before).toEqual({ label: "main:workplans/2017.yaml", year: 2017 });
    expect(diff.after).toEqual({ label: "workplans/2018.yaml", year: 2018 });
  });
});

describe("diffWorkplans: 2017 → 2018", () => {
  const diff = diffWorkplans(w2017, w2018);

  it("counts the deliverables carried over, edited, new, dropped, moved and renamed", () => {
    // 2017 has eight deliverables; 2018 has seven.
    // - carried over unchanged (3): strategy-review (same words, moved to the end), second-ctwg-meeting
    //   (only 10th→12th, 2017→2018, 2017-08→2018-08 differ) and ftf-returnees-workshop (only the year,
    //   and its summary re-wrapped and quoted differently);
    // - edited (3): first-ctwg-meeting (Nha Trang → Port Moresby, new dates, the row title no longer
    //   worded apart), mesf-workshop-viet-nam → mesf-workshop (Papua New Guinea) and
    //   strategic-plan-2018-2022 ("Agree on" → "Begin implementing");
    // - new (1): cve-online-dialogue; dropped (2): tourism-security-workshop and vice-chair-election;
    // - moved (1): strategy-review, from 1.4 to 1.7; the others keep their order, though their numbers
    //   shift with the removals;
    // - renamed (1): the mesf workshop, matched by its wording (its id changed); it is also edited.
    // 3 + 3 + 2 = 8 old deliverables; 3 + 3 + 1 = 7 new ones.
    // All changes (14): cover symbol, forum doc number, meeting city, economy and date (5; the cover
    // title differs only by the year); introduction paragraph 4 (the theme); step 3; and the seven
    // deliverable changes (2 dropped, 2 edited, 1 renamed, 1 moved, 1 new).
    expect(diff.summary).toEqual({ carriedOver: 3, edited: 3, added: 1, removed: 2, moved: 1, renamed: 1, changes: 14 });
    expect(diff.changes).toHaveLength(diff.summary.changes);
    // In reading order: a dropped item where it stood, before the item that took its place.
    expect(deliverableChanges(diff.changes, w2017, w2018)).toEqual([
      "changed first-ctwg-meeting",
      "removed tourism-security-workshop",
      "added cve-online-dialogue",
      "renamed mesf-workshop",
      "changed strategic-plan-2018-2022",
      "removed vice-chair-election",
      "moved strategy-review",
    ]);
  });

  it("names the changes outside the deliverables", () => {
    expect(diff.changes.filter((c) => c.section !== "deliverables").map((c) => c.label)).toEqual([
      "Cover: symbol",
      "Cover: forum document number",
      "Cover: meeting city",
      "Cover: meeting economy",
      "Cover: meeting date",
      "Introduction: paragraph 4",
      "Steps: 3",
    ]);
  });

  it("gives the renamed deliverable an `id` detail", () => {
    const renamed = diff.changes.find((c) => c.kind === "renamed")!;
    expect(renamed.label).toMatch(/^1\.3 Hold an APEC Major Events Security Framework/);
    expect(renamed.details?.[0]).toMatchObject({
      kind: "changed",
      label: "id",
      before: { path: ["deliverables", 2, "id"], text: "mesf-workshop-viet-nam" },
      after: { path: ["deliverables", 2, "id"], text: "mesf-workshop" },
    });
    expect(renamed.details?.map((d) => d.label)).toEqual(["id", "text", "summary 1", "event place"]);
  });

  it("says where the moved deliverable stood and stands", () => {
    const moved = diff.changes.filter((c) => c.kind === "moved");
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({
      section: "deliverables",
      before: { path: ["deliverables", 3], index: 3 },
      after: { path: ["deliverables", 6], index: 6 },
    });
    expect(moved[0]!.label).toMatch(/^1\.7 Conduct a review and assessment/);
  });

  it("keeps the text of dropped and new deliverables", () => {
    const removed = diff.changes.find((c) => c.kind === "removed" && c.section === "deliverables")!;
    expect(removed.after).toBeNull();
    expect(removed.before?.text).toMatch(/^Hold a workshop on Safeguarding the Tourism Industry/);
    const added = diff.changes.find((c) => c.kind === "added")!;
    expect(added.before).toBeNull();
    expect(added.after).toEqual({
      path: ["deliverables", 1],
      index: 1,
      text: "Hold a Policy Dialogue on Countering Violent Extremism Online in Port Moresby in May (tbc)",
    });
  });

  it("does not count what moves with the year: the year, the meeting numbers, the dates of carried-over items", () => {
    const labels = all(diff.changes).map((c) => c.label);
    // The second meeting (10th → 12th, 2017-08 → 2018-08) is 1.7 in 2017 and 1.5 in 2018: not named at all.
    expect(labels.filter((l) => /^1\.5 |12th|10th/.test(l))).toEqual([]);
    expect(labels).not.toContain("event meeting number");
    expect(labels).not.toContain("Cover: title");
    expect(labels).not.toContain("Title");
    for (const paragraph of ["Introduction: paragraph 1", "Introduction: paragraph 2", "Introduction: paragraph 3"])
      expect(labels).not.toContain(paragraph);
    // The first meeting did change, its date and place; its number (9th → 11th) is no detail of its own.
    const first = diff.changes.find((c) => c.label.startsWith("1.1 "))!;
    expect(first.details?.map((d) => d.label)).toEqual(["text", "row title", "summary 1", "event date", "event place"]);
  });

  it("does not count the carried-over items at all, the re-wrapped and re-quoted summary included", () => {
    const carried = ["second-ctwg-meeting", "ftf-returnees-workshop"].map((id) => w2017.deliverables.findIndex((d) => d.id === id));
    expect(carried).toEqual([6, 7]);
    for (const i of carried)
      expect(all(diff.changes).filter((c) => c.before?.path[0] === "deliverables" && c.before.path[1] === i)).toEqual([]);
    // strategy-review is reported only as moved.
    expect(
      all(diff.changes)
        .filter((c) => c.before?.path[1] === 3 && c.before.path[0] === "deliverables")
        .map((c) => c.kind),
    ).toEqual(["moved"]);
  });

  it("gives changed text word-level edits", () => {
    const step = diff.changes.find((c) => c.label === "Steps: 3")!;
    expect(step.before?.text).toMatch(/^Review and assessment of the CTWG Strategic Plan 2013-2017/);
    expect(step.after?.text).toMatch(/^Implementation of the CTWG Strategic Plan 2018-2022/);
    expect(step.edits?.slice(0, 3)).toEqual([
      { op: "delete", text: "Review" },
      { op: "insert", text: "Implementation" },
      { op: "equal", text: " " },
    ]);
    const text = diff.changes.find((c) => c.label.startsWith("1.4 "))!.details!.find((d) => d.label === "text")!;
    expect(text.edits).toEqual([
      { op: "delete", text: "Agree" },
      { op: "insert", text: "Begin" },
      { op: "equal", text: " " },
      { op: "delete", text: "on" },
      { op: "insert", text: "implementing" },
      { op: "equal", text: " " },
      { op: "insert", text: "the " },
      { op: "equal", text: "CTWG Strategic Plan 2018-2022" },
    ]);
    // Every insertion and deletion anywhere is whole words: it starts and ends at a word's edge.
    for (const change of all(diff.changes)) {
      for (const edit of change.edits ?? []) {
        if (edit.op === "equal") continue;
        const side = edit.op === "delete" ? change.before!.text! : change.after!.text!;
        const at = side.indexOf(edit.text);
        expect(at, `${change.label}: ${edit.text}`).toBeGreaterThanOrEqual(0);
        expect(
          /[\p{L}\p{N}]/u.test(side[at - 1] ?? " ") && /[\p{L}\p{N}]/u.test(edit.text[0]!),
          `${change.label}: "${edit.text}" starts inside a word`,
        ).toBe(false);
      }
    }
  });

  it("matches the renamed item by wording only down to the threshold: at 0.99 it is one removal and one addition", () => {
    const strict = diffWorkplans(w2017, w2018, { threshold: 0.99 });
    expect(strict.summary).toMatchObject({ carriedOver: 3, edited: 2, added: 2, removed: 3, moved: 1, renamed: 0 });
    expect(deliverableChanges(strict.changes, w2017, w2018)).toEqual([
      "changed first-ctwg-meeting",
      "removed tourism-security-workshop",
      "added cve-online-dialogue",
      "removed mesf-workshop-viet-nam",
      "added mesf-workshop",
      "changed strategic-plan-2018-2022",
      "removed vice-chair-election",
      "moved strategy-review",
    ]);
    // Lists without ids pair by the same threshold: the reworded step no longer pairs.
    expect(strict.changes.filter((c) => c.section === "steps").map((c) => `${c.kind} ${c.label}`)).toEqual([
      "removed Steps: 3",
      "added Steps: 3",
    ]);
  });

  // Found while writing these tests: matchItems applies its `textOf` to both lists, and the diff passes
  // the year shift as `textOf`, so the NEW side is shifted too ("In 2017" of the 2018 plan becomes
  // "In 2018"). Paragraphs that differ only by the year then score below 1 (paragraph 1: 0.98) and,
  // at a high threshold, show as a removal and an addition although the diff counts them unchanged.
  it("pairs texts that differ only by the year at any threshold", () => {
    const strict = diffWorkplans(w2017, w2018, { threshold: 0.99 });
    expect(strict.changes.filter((c) => c.section === "introduction").map((c) => `${c.kind} ${c.label}`)).toEqual([
      "removed Introduction: paragraph 4",
      "added Introduction: paragraph 4",
    ]);
  });
});

describe("diffWorkplans: 2016 → 2017", () => {
  const diff = diffWorkplans(w2016, w2017);

  it("counts the deliverables", () => {
    // 2016 has five deliverables: first-ctwg-meeting (7th), mesf-workshop-peru, strategy-review,
    // ctf-workshop and second-ctwg-meeting (8th). In 2017:
    // - carried over unchanged (1): strategy-review (same words; 2013-2017 is no year that moves);
    // - edited (3): first-ctwg-meeting (Lima → Nha Trang, new dates, a row title worded apart),
    //   mesf-workshop-peru → mesf-workshop-viet-nam (renamed, 1) and second-ctwg-meeting
    //   (Arequipa → Ho Chi Minh City); their 7th/8th → 9th/10th are not changes;
    // - dropped (1): ctf-workshop; new (4): tourism-security-workshop, strategic-plan-2018-2022,
    //   vice-chair-election and ftf-returnees-workshop;
    // - moved (0): the four kept items are in the same order.
    // All changes (14): five on the cover, introduction paragraph 4 (the theme) and eight deliverables.
    expect(diff.summary).toEqual({ carriedOver: 1, edited: 3, added: 4, removed: 1, moved: 0, renamed: 1, changes: 14 });
    expect(deliverableChanges(diff.changes, w2016, w2017)).toEqual([
      "changed first-ctwg-meeting",
      "added tourism-security-workshop",
      "renamed mesf-workshop-viet-nam",
      "removed ctf-workshop",
      "added strategic-plan-2018-2022",
      "added vice-chair-election",
      "changed second-ctwg-meeting",
      "added ftf-returnees-workshop",
    ]);
  });

  it("does not count 2015 → 2016 and 2016 → 2017 in the introduction, or the meeting numbers", () => {
    const labels = all(diff.changes).map((c) => c.label);
    expect(labels.filter((l) => l.startsWith("Introduction"))).toEqual(["Introduction: paragraph 4"]);
    expect(labels).not.toContain("event meeting number");
    const second = diff.changes.find((c) => c.kind === "changed" && c.label.startsWith("1.7 "))!;
    expect(second.details?.map((d) => d.label)).toEqual(["text", "summary 1", "event place"]);
  });

  it("names the renamed item's old and new ids", () => {
    const renamed = diff.changes.find((c) => c.kind === "renamed")!;
    expect(renamed.details?.[0]).toMatchObject({
      label: "id",
      before: { text: "mesf-workshop-peru" },
      after: { text: "mesf-workshop-viet-nam" },
    });
  });
});

describe("diffWorkplans: every part is compared", () => {
  it("reports a changed cross-cutting activity with its area and number", () => {
    const data = data2017();
    data.crossCutting.areas[1].activities[1] = data.crossCutting.areas[1].activities[1].replace("faster, easier", "faster, cheaper");
    const diff = diffWorkplans(w2017, plan(data));
    expect(diff.changes).toHaveLength(1);
    expect(diff.changes[0]).toMatchObject({ kind: "changed", section: "cross-cutting", label: "Secure Travel" });
    expect(diff.changes[0]!.details).toMatchObject([{ kind: "changed", label: "Secure Travel: activity 2" }]);
    expect(diff.changes[0]!.details![0]!.edits).toContainEqual({ op: "delete", text: "easier" });
    expect(diff.changes[0]!.details![0]!.edits).toContainEqual({ op: "insert", text: "cheaper" });
  });

  it("reports a changed priority and mandate source inside a deliverable's row", () => {
    const data = data2017();
    data.deliverables[0].plan.priorities = ["Human Security", "Structural Reform"];
    data.deliverables[0].plan.mandate[0].source = "2016 APEC Leaders Declaration";
    const diff = diffWorkplans(w2017, plan(data));
    expect(diff.summary).toMatchObject({ carriedOver: 7, edited: 1 });
    expect(diff.changes[0]!.details!.map((d) => `${d.kind} ${d.label}`)).toEqual(["changed mandate 1", "added priority 2"]);
  });

  // Found while writing these tests: the year shift applies to a whole text or not at all, so a text
  // whose plan year moved ("In 2016" → "In 2017") but which also names a fixed period
  // ("Strategy 2013-2017", shifted to "2013-2018") is reported changed though only the year moved.
  it("does not count a moved year in a text that also names a year that does not move", () => {
    const before = data2017();
    before.introduction.paragraphs[0] = before.introduction.paragraphs[0].replace("Strategy.", "Strategy 2013-2017.");
    const after = structuredClone(before);
    after.year = 2018;
    after.introduction.paragraphs[0] = after.introduction.paragraphs[0].replace("In 2016,", "In 2017,");
    expect(diffWorkplans(plan(before), plan(after)).changes).toEqual([]);
  });
});

describe("diffWorkplans: groups, owners and the document's labels", () => {
  /** A small plan of activities, each with its group and owner. */
  const activities = () => ({
    period: "2018-2022",
    document: { itemLabel: "Activity {n}:", columns: [] },
    cover: { title: "CTWG Strategic Plan 2018-2022", date: "2017-10-09" },
    title: "CTWG Strategic Plan 2018-2022",
    deliverables: [
      {
        id: "travel",
        group: "Capacity building",
        owner: "Secure Travel network",
        text: "Run workshops on travel security for border officials",
      },
      {
        id: "finance",
        group: "Capacity building",
        owner: "Secure Finance network",
        text: "Help economies stop the financing of terrorism",
      },
      { id: "review", group: "Implementation", owner: "CTWG Chair", text: "Review the plan at its mid-term and agree any changes" },
    ],
  });

  it("compares a deliverable's group and owner like its other facts", () => {
    const after = activities();
    after.deliverables[0]!.group = "Capacity building and training";
    delete (after.deliverables[1] as { owner?: string }).owner;
    const diff = diffWorkplans(plan(activities()), plan(after));
    expect(
      diff.changes.map((c) => [c.label, c.details!.map((d) => `${d.kind} ${d.label}: ${d.before?.text ?? ""} → ${d.after?.text ?? ""}`)]),
    ).toEqual([
      [
        "Activity 1: Run workshops on travel security for border officials",
        ["changed group: Capacity building → Capacity building and training"],
      ],
      ["Activity 2: Help economies stop the financing of terrorism", ["removed owner: Secure Finance network → "]],
    ]);
  });

  it("labels each item as its own plan prints it, and says where a moved item stood by those labels", async () => {
    const after = activities();
    after.document.itemLabel = "{n}.";
    after.deliverables.unshift(after.deliverables.pop()!);
    const diff = diffWorkplans(plan(activities()), plan(after));
    const moved = diff.changes.filter((c) => c.kind === "moved");
    expect(moved.map((c) => c.label)).toEqual(["1. Review the plan at its mid-term and agree any changes"]);
    const text = await formatDiffText(diff, { paint: NO_PAINT, colour: false });
    expect(text).toContain("↕ 1. Review the plan at its mid-term and agree any changes (moved from Activity 3 to 1)");
  });

  it("names a dropped item by its label in the plan it was dropped from", () => {
    const after = activities();
    after.document.itemLabel = "";
    after.deliverables.pop();
    const diff = diffWorkplans(plan(activities()), plan(after));
    expect(diff.changes.map((c) => `${c.kind} ${c.label}`)).toEqual([
      "removed Activity 3: Review the plan at its mid-term and agree any changes",
    ]);
    expect(diff.before.label).toBe("2018-2022");
  });
});

describe("the parts of other plan shapes", () => {
  const strategic = readFileSync(join(ROOT, "examples", "strategic-plan", "workplans", "2018-2022.yaml"), "utf8");
  const compiled = (text: string) => compile(text, "workplans/2018-2022.yaml").workplan!;

  it("compares the callout and the headings as printed, numbering included", () => {
    const before = compiled(strategic);
    const after = compiled(
      strategic
        .replace("deliverables: Strategic Priorities for {period}", "deliverables: Priorities for {period}")
        .replace("numbering: roman", "numbering: arabic")
        .replace("so that growth in the region", "so that trade in the region"),
    );
    const changes = diffWorkplans(before, after).changes.map((c) => [c.label, c.before?.text, c.after?.text]);
    expect(changes).toContainEqual(["Heading: deliverables", "II. Strategic Priorities for 2018-2022", "2. Priorities for 2018-2022"]);
    expect(changes).toContainEqual(["Heading: introduction", "I. Mission and Approach", "1. Mission and Approach"]);
    expect(changes.find(([label]) => label === "Introduction: callout")?.[2]).toContain("so that trade in the region");
    const lettered = compiled(strategic.replace("stepsStyle: number", "stepsStyle: letter"));
    expect(diffWorkplans(before, lettered).changes.map((c) => [c.label, c.before?.text, c.after?.text])).toEqual([
      ["Steps: list style", "number", "letter"],
    ]);
  });

  it("finds no change between a plan and itself, headings and labels included", () => {
    expect(diffWorkplans(compiled(strategic), compiled(strategic)).changes).toEqual([]);
  });
});
