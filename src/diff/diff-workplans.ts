import type { DataPath } from "../diagnostics/diagnostic.js";
import { SECTION_IDS, type SectionId } from "../model/document-shape.js";
import { itemLabels, sectionHeadings } from "../model/labels.js";
import type { Deliverable, Workplan } from "../model/schema.js";
import { alignWorkplans, type PlanAlignment } from "./align.js";
import type { Change, ChangeSide, Section, WorkplanDiff } from "./change.js";
import { matchItems, movedMatches, type Matching } from "./match.js";
import { blockTexts, listTexts, plain, type Located } from "./plain-text.js";
import { wordDiff } from "./word-diff.js";
import { ordinal } from "../model/ordinal.js";
import { sameButForYear, yearShift } from "./year-shift.js";

export interface DiffOptions {
  /** How alike (0–1, by words) two items without a common id must be to count as one item changed. */
  threshold?: number;
  beforeLabel?: string;
  afterLabel?: string;
}

export const DEFAULT_THRESHOLD = 0.5;

/**
 * Compares two workplans as documents: every part, items matched by id and then by wording, word-level
 * edits for changed text, order changes as moves. Across years, the year and meeting numbers that are
 * expected to move are not changes. Pure: two workplans in, a change list out, with the pairing of
 * items it was computed from.
 */
export function diffWorkplans(before: Workplan, after: Workplan, options: DiffOptions = {}): WorkplanDiff {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const shift = yearShift(before, after);
  const same = (a: string, b: string) => sameButForYear(a, b, shift);
  const alignment = alignWorkplans(before, after, threshold, shift);
  const changes: Change[] = [];

  const text = (section: Section, label: string, a: Located | undefined, b: Located | undefined): Change[] => {
    if (!a && !b) return [];
    if (a && b)
      return same(a.text, b.text)
        ? []
        : [{ kind: "changed", section, label, before: side(a), after: side(b), edits: wordDiff(a.text, b.text) }];
    return [{ kind: a ? "removed" : "added", section, label, before: a ? side(a) : null, after: b ? side(b) : null }];
  };

  // The change list names an item by its place among the texts of a list flattened in reading order
  // ("Steps: 3", "summary 2"), so nested lists and cells pair here as flat lists; the flat lists the
  // alignment holds (paragraphs, priorities) pass its pairing.
  const list = (
    section: Section,
    label: (i: number) => string,
    a: readonly Located[],
    b: readonly Located[],
    paired?: Matching,
  ): Change[] => {
    const matching = paired ?? matchItems(a, b, (item) => item.text, threshold, undefined, shift);
    const moved = movedMatches(matching.matches);
    const out: Change[] = [];
    for (const i of matching.removed) out.push({ kind: "removed", section, label: label(i), before: side(a[i]!, i), after: null });
    for (const match of matching.matches) {
      const [x, y] = [a[match.before]!, b[match.after]!];
      if (!same(x.text, y.text))
        out.push({
          kind: "changed",
          section,
          label: label(match.after),
          before: side(x, match.before),
          after: side(y, match.after),
          edits: wordDiff(x.text, y.text),
        });
      if (moved.has(match))
        out.push({ kind: "moved", section, label: label(match.after), before: side(x, match.before), after: side(y, match.after) });
    }
    for (const j of matching.added) out.push({ kind: "added", section, label: label(j), before: null, after: side(b[j]!, j) });
    return out;
  };

  // The cover block and the titles.
  const coverFields: [string, DataPath][] = [
    ["organisation", ["cover", "organisation"]],
    ["stamp", ["cover", "stamp"]],
    ["symbol", ["cover", "symbol"]],
    ["agenda item", ["cover", "agendaItem"]],
    ["title", ["cover", "title"]],
    ["purpose", ["cover", "purpose"]],
    ["submitted by", ["cover", "submittedBy"]],
    ["forum document number", ["cover", "forumDocNo"]],
    ["date", ["cover", "date"]],
    ["meeting", ["cover", "meeting", "name"]],
    ["meeting city", ["cover", "meeting", "city"]],
    ["meeting economy", ["cover", "meeting", "economy"]],
    ["meeting date", ["cover", "meeting", "date"]],
  ];
  for (const [name, path] of coverFields) changes.push(...text("cover", `Cover: ${name}`, at(before, path), at(after, path)));
  changes.push(...text("title", "Title", at(before, ["title"]), at(after, ["title"])));
  // The headings as printed: a layout that renames or renumbers a section changes the document.
  const [headingsBefore, headingsAfter] = [sectionHeadings(before), sectionHeadings(after)];
  for (const section of SECTION_IDS) {
    const heading = (headings: Record<SectionId, string>): Located => ({
      path: ["document", "headings", section],
      text: headings[section],
    });
    changes.push(...text("title", `Heading: ${section}`, heading(headingsBefore), heading(headingsAfter)));
  }

  // Introduction, steps, cross-cutting areas.
  const paragraphs = (w: Workplan) =>
    w.introduction.paragraphs.map((p, i) => ({ path: ["introduction", "paragraphs", i], text: plain(p) }));
  const callout = (w: Workplan) =>
    w.introduction.callout === undefined ? undefined : located(["introduction", "callout"], plain(w.introduction.callout));
  changes.push(...text("introduction", "Introduction: callout", callout(before), callout(after)));
  changes.push(
    ...list("introduction", (i) => `Introduction: paragraph ${i + 1}`, paragraphs(before), paragraphs(after), alignment.paragraphs),
  );
  const stepsStyle = (w: Workplan) => located(["document", "stepsStyle"], w.document.stepsStyle);
  changes.push(...text("steps", "Steps: list style", stepsStyle(before), stepsStyle(after)));
  changes.push(
    ...list(
      "steps",
      (i) => `Steps: ${i + 1}`,
      listTexts(before.introduction.steps, ["introduction", "steps"]),
      listTexts(after.introduction.steps, ["introduction", "steps"]),
    ),
  );
  const lead = (w: Workplan) =>
    w.crossCutting.lead === undefined ? undefined : located(["crossCutting", "lead"], plain(w.crossCutting.lead));
  changes.push(...text("cross-cutting", "Cross-cutting areas: lead-in", lead(before), lead(after)));
  const areas = alignment.areas;
  const movedAreas = movedMatches(areas.matches);
  for (const i of areas.removed)
    changes.push(item("removed", "cross-cutting", before.crossCutting.areas[i]!.name, ["crossCutting", "areas", i], null, i, undefined));
  for (const match of areas.matches) {
    const [a, b] = [before.crossCutting.areas[match.before]!, after.crossCutting.areas[match.after]!];
    const pa: DataPath = ["crossCutting", "areas", match.before];
    const pb: DataPath = ["crossCutting", "areas", match.after];
    const details = [
      ...text("cross-cutting", `${b.name}: name`, located([...pa, "name"], a.name), located([...pb, "name"], b.name)),
      ...list(
        "cross-cutting",
        (i) => `${b.name}: activity ${i + 1}`,
        listTexts(a.activities, [...pa, "activities"]),
        listTexts(b.activities, [...pb, "activities"]),
      ),
    ];
    const renamed = a.id !== b.id;
    if (details.length || renamed)
      changes.push({ ...item(renamed ? "renamed" : "changed", "cross-cutting", b.name, pa, pb, match.before, match.after), details });
    if (movedAreas.has(match)) changes.push(item("moved", "cross-cutting", b.name, pa, pb, match.before, match.after));
  }
  for (const j of areas.added)
    changes.push(item("added", "cross-cutting", after.crossCutting.areas[j]!.name, null, ["crossCutting", "areas", j], undefined, j));

  // Deliverables and their rows.
  const deliverables = alignment.deliverables;
  const movedDeliverables = movedMatches(deliverables.matches);
  // Each item is named by its label in its own plan: a dropped item as the old plan printed it.
  const labels = { before: itemLabels(before), after: itemLabels(after) };
  const title = (side: "before" | "after", d: Deliverable, i: number) =>
    [labels[side][i], shorten(plain(d.text))].filter(Boolean).join(" ");
  let carriedOver = 0;
  let edited = 0;
  let renamedCount = 0;
  for (const i of deliverables.removed)
    changes.push(
      item(
        "removed",
        "deliverables",
        title("before", before.deliverables[i]!, i),
        ["deliverables", i],
        null,
        i,
        undefined,
        plain(before.deliverables[i]!.text),
      ),
    );
  for (const match of deliverables.matches) {
    const [a, b] = [before.deliverables[match.before]!, after.deliverables[match.after]!];
    const pa: DataPath = ["deliverables", match.before];
    const pb: DataPath = ["deliverables", match.after];
    const details = deliverableDetails(a, b, pa, pb, match.plan, text, list);
    const renamed = a.id !== b.id;
    if (renamed) renamedCount++;
    if (details.length) edited++;
    else carriedOver++;
    if (details.length || renamed) {
      const change = item(
        renamed ? "renamed" : "changed",
        "deliverables",
        title("after", b, match.after),
        pa,
        pb,
        match.before,
        match.after,
      );
      changes.push({ ...change, details: renamed ? [idChange(a.id, b.id, pa, pb), ...details] : details });
    }
    if (movedDeliverables.has(match))
      changes.push(item("moved", "deliverables", title("after", b, match.after), pa, pb, match.before, match.after));
  }
  for (const j of deliverables.added)
    changes.push(
      item(
        "added",
        "deliverables",
        title("after", after.deliverables[j]!, j),
        null,
        ["deliverables", j],
        undefined,
        j,
        plain(after.deliverables[j]!.text),
      ),
    );

  return {
    before: { label: options.beforeLabel ?? before.period.label, year: before.year },
    after: { label: options.afterLabel ?? after.period.label, year: after.year },
    summary: {
      carriedOver,
      edited,
      added: deliverables.added.length,
      removed: deliverables.removed.length,
      moved: movedDeliverables.size,
      renamed: renamedCount,
      changes: changes.length,
    },
    // In reading order: a dropped item where it stood, between the items around it.
    changes: inReadingOrder(changes),
    plans: { before, after },
    alignment,
  };
}

/** Sorts the changes of each list-like section by position; a removed item sorts just before the item that took its place. */
function inReadingOrder(changes: readonly Change[]): Change[] {
  const place = (change: Change) => change.after?.index ?? (change.before?.index ?? 0) - 0.5;
  const sections = [...new Set(changes.map((c) => c.section))];
  return sections.flatMap((section) => {
    const inSection = changes.filter((c) => c.section === section);
    return section === "deliverables" || section === "cross-cutting" ? [...inSection].sort((a, b) => place(a) - place(b)) : inSection;
  });
}

type TextCompare = (section: Section, label: string, a: Located | undefined, b: Located | undefined) => Change[];
type ListCompare = (
  section: Section,
  label: (i: number) => string,
  a: readonly Located[],
  b: readonly Located[],
  paired?: Matching,
) => Change[];

/** What changed inside a deliverable: its wording, its row's five columns, its event's facts, its group and owner. */
function deliverableDetails(
  a: Deliverable,
  b: Deliverable,
  pa: DataPath,
  pb: DataPath,
  plan: PlanAlignment,
  text: TextCompare,
  list: ListCompare,
): Change[] {
  const s: Section = "deliverables";
  // A row's title is the deliverable's text unless worded apart; compare it only where one side does.
  const explicitRow = a.plan?.title !== undefined || b.plan?.title !== undefined || !a.plan !== !b.plan;
  const row = (d: Deliverable) => (d.plan && explicitRow ? plain(d.plan.title ?? d.text) : undefined);
  const mandates = (d: Deliverable, p: DataPath): Located[] =>
    (d.plan?.mandate ?? []).flatMap((m, k) => [
      { path: [...p, "plan", "mandate", k, "source"], text: m.source },
      ...blockTexts(m.text, [...p, "plan", "mandate", k, "text"]),
    ]);
  const event = (d: Deliverable, p: DataPath, key: "date" | "tbc" | "place" | "kind" | "meetingNumber"): Located | undefined => {
    const value = d.event?.[key];
    if (value === undefined) return undefined;
    const shown =
      typeof value === "object"
        ? [value.city, value.economy].filter(Boolean).join(", ")
        : key === "meetingNumber"
          ? `${ordinal(Number(value))} meeting` // so the year shift renumbers it like the text
          : String(value);
    return located([...p, "event", key], shown);
  };
  return [
    ...text(s, "text", located([...pa, "text"], plain(a.text)), located([...pb, "text"], plain(b.text))),
    ...text(s, "row title", optional(rowPath(a, pa), row(a)), optional(rowPath(b, pb), row(b))),
    ...list(
      s,
      (i) => `summary ${i + 1}`,
      blockTexts(a.plan?.summary, [...pa, "plan", "summary"]),
      blockTexts(b.plan?.summary, [...pb, "plan", "summary"]),
    ),
    ...list(s, (i) => `mandate ${i + 1}`, mandates(a, pa), mandates(b, pb)),
    ...list(
      s,
      (i) => `priority ${i + 1}`,
      (a.plan?.priorities ?? []).map((p, k) => located([...pa, "plan", "priorities", k], p)),
      (b.plan?.priorities ?? []).map((p, k) => located([...pb, "plan", "priorities", k], p)),
      plan.priorities,
    ),
    ...list(
      s,
      (i) => `collaboration ${i + 1}`,
      blockTexts(a.plan?.collaboration, [...pa, "plan", "collaboration"]),
      blockTexts(b.plan?.collaboration, [...pb, "plan", "collaboration"]),
    ),
    ...(["kind", "meetingNumber", "date", "place", "tbc"] as const).flatMap((key) =>
      text(s, `event ${key === "meetingNumber" ? "meeting number" : key}`, event(a, pa, key), event(b, pb, key)),
    ),
    ...text(s, "project", optional([...pa, "project"], a.project), optional([...pb, "project"], b.project)),
    ...text(s, "group", optional([...pa, "group"], a.group), optional([...pb, "group"], b.group)),
    ...text(s, "owner", optional([...pa, "owner"], a.owner), optional([...pb, "owner"], b.owner)),
  ];
}

function item(
  kind: Change["kind"],
  section: Section,
  label: string,
  before: DataPath | null,
  after: DataPath | null,
  i?: number,
  j?: number,
  body?: string,
): Change {
  return {
    kind,
    section,
    label,
    before: before
      ? { path: before, ...(i !== undefined ? { index: i } : {}), ...(kind === "removed" && body ? { text: body } : {}) }
      : null,
    after: after ? { path: after, ...(j !== undefined ? { index: j } : {}), ...(kind === "added" && body ? { text: body } : {}) } : null,
  };
}

const idChange = (a: string, b: string, pa: DataPath, pb: DataPath): Change => ({
  kind: "changed",
  section: "deliverables",
  label: "id",
  before: { path: [...pa, "id"], text: a },
  after: { path: [...pb, "id"], text: b },
  edits: wordDiff(a, b),
});

const located = (path: DataPath, text: string): Located => ({ path, text });
/** Where a row's title is written: its own `plan.title`, or the deliverable's text it takes. */
const rowPath = (d: Deliverable, p: DataPath): DataPath => (d.plan?.title !== undefined ? [...p, "plan", "title"] : [...p, "text"]);
const optional = (path: DataPath, text: string | undefined) => (text === undefined ? undefined : located(path, text));
const side = (value: Located, index?: number): ChangeSide => ({
  path: value.path,
  text: value.text,
  ...(index !== undefined ? { index } : {}),
});
const shorten = (text: string) => (text.length > 72 ? `${text.slice(0, 71).trimEnd()}…` : text);

function at(workplan: Workplan, path: DataPath): Located | undefined {
  let value: unknown = workplan;
  for (const segment of path) value = (value as Record<string | number, unknown> | undefined)?.[segment];
  return typeof value === "string" ? { path, text: value } : undefined;
}
