import { formatDateSpec, parseDateSpec } from "../model/date-spec.js";
import { acronymUses, glossaryTerms } from "../model/acronyms.js";
import type { Glossary } from "../model/glossary.js";
import { withoutInvisible } from "../model/invisible.js";
import type { DocumentShape, ListStyle } from "../model/document-shape.js";
import { planOutputName } from "../model/file-stem.js";
import { itemLabelFormat, itemLabels, sectionHeadings } from "../model/labels.js";
import type { DataPath } from "../diagnostics/diagnostic.js";
import type { Blocks, ListItem, RichText, Workplan } from "../model/schema.js";
import { buildTimeline, type TimelineView } from "./timeline.js";
import { compareText } from "../diagnostics/compare-text.js";

/**
 * The view model: every string a format prints, decided once. Formats only lay these out, so the
 * Markdown, HTML, PDF and Word say the same words.
 */
export interface WorkplanView {
  /** The period's first year. */
  year: number;
  /** The period as printed, and the output folder's name: "2017", "2018-2022". */
  period: string;
  /** The output file name without extension, after APEC's file names: `2017_som1_sce-cow_002`; from the forum and period without a symbol. */
  fileStem: string;
  lang: string;
  /** The word a plan still being settled carries on its cover: "Draft" (`status: draft`), "Interim"; null for the others. */
  statusMark: string | null;
  /** Plain-text facts for places that cannot hold markup: the HTML <title>, the PDF's metadata. */
  meta: { title: string; symbol: string; author: string; keywords: string[] };
  /** The day the documents are dated: the meeting's first day, else the cover's date, else 1 January of the period. */
  firstDay: string;
  cover: {
    organisation: Run[];
    symbol: Run[] | null;
    agendaItem: Run[] | null;
    stamp: Run[] | null;
    title: Run[];
    purpose: Run[] | null;
    submittedBy: Run[] | null;
    forumDocNo: Run[] | null;
    date: Run[] | null;
    meeting: { name: Run[]; place: Run[]; date: Run[]; firstDay: string } | null;
  };
  title: Run[];
  /** The introduction, with the cross-cutting areas; null when the plan has neither. */
  introduction: { heading: string; callout: Run[] | null; paragraphs: Run[][]; steps: ListItemView[]; stepsStyle: ListStyle } | null;
  crossCutting: { lead: Run[] | null; areas: { id: string; name: Run[]; activities: ListItemView[] }[] };
  /** The labelled deliverables; null when the plan lists none. */
  /**
   * `labelled`: the layout prints a label before each item (even an empty one, for a removed item in a redline).
   * `labelFormat`: the label with `{n}` for the item's number ("2.{n}"), for formats that number items themselves (Word).
   */
  deliverables: { heading: string; labelled: boolean; labelFormat: string; items: DeliverableView[] } | null;
  /** The itemized table; null when the layout has no columns or no deliverable has a row. */
  plans: { heading: string; columns: DocumentShape["columns"]; rows: PlanRowView[] } | null;
  /** The year's events on a line of months, after the deliverables; null without dated events or with --no-timeline. */
  timeline: TimelineView | null;
  /** The acronyms the plan uses, with their full names from the glossary; null without a glossary. */
  annex: { heading: string; entries: { acronym: string; name: string }[] } | null;
  /** Set only for a redline (`ctwg diff --format html`): what is compared with what. */
  redline: { before: string; after: string; summary: string } | null;
}

export interface ViewOptions {
  /** Include the timeline figure (default true). */
  timeline?: boolean;
  /** The shared glossary, for the acronym annex. */
  glossary?: Glossary;
}

/**
 * A run of inline text; `em` prints in italics (the theme, emphasis). `ins` and `del` mark words a
 * redline shows as inserted or deleted; an ordinary build leaves both false.
 */
export interface Run {
  text: string;
  em: boolean;
  ins: boolean;
  del: boolean;
  /**
   * Where in the workplan file the run's text is written, when it is one string of it word for word
   * (not a label, a formatted date or a joined place). Why: the Word document marks these, so that
   * edits made in Word can be carried back to the YAML (`ctwg import`).
   */
  path?: DataPath;
}

export interface ListItemView {
  text: Run[];
  items: ListItemView[];
}

/**
 * A deliverable as listed: its label, its text, who leads it ("Lead: CT network", with the layout's
 * word), and the heading of its group on the first item of each group.
 */
export interface DeliverableView {
  id: string;
  number: string;
  text: Run[];
  owner: Run[] | null;
  group: Run[] | null;
}

/** A paragraph or a bullet list; exactly one of the two is set. */
export interface BlockView {
  paragraph: Run[] | null;
  list: ListItemView[] | null;
}

/** A row of the itemized table: every field a column may show. */
export interface PlanRowView {
  id: string;
  number: string;
  title: Run[];
  summary: BlockView[];
  mandate: { source: Run[]; text: BlockView[] }[];
  priorities: Run[][];
  collaboration: BlockView[];
  owner: Run[] | null;
  date: Run[] | null;
  place: Run[] | null;
}

/** Builds the view of a valid workplan. */
export function buildView(workplan: Workplan, options: ViewOptions = {}): WorkplanView {
  const { cover, year, document: shape } = workplan;
  const labels = itemLabels(workplan);
  const numbered = workplan.deliverables.map((deliverable, index) => ({ deliverable, number: labels[index]! }));
  const headings = printedHeadings(sectionHeadings(workplan, options.glossary));
  const optionalRuns = (text: RichText | undefined, path: DataPath) => (text === undefined ? null : runs(text, path));
  const rows = numbered.flatMap(({ deliverable, number }, index) => {
    const { plan } = deliverable;
    if (!plan) return [];
    const place = deliverable.event?.place;
    const at = ["deliverables", index];
    const inPlan = (...path: DataPath) => [...at, "plan", ...path];
    return [
      {
        id: deliverable.id,
        number: withoutInvisible(number),
        title: plan.title === undefined ? withTbc(deliverable, index) : runs(plan.title, inPlan("title")),
        summary: blocks(plan.summary, inPlan("summary")),
        mandate: plan.mandate.map((m, i) => ({
          source: runs(m.source, inPlan("mandate", i, "source")),
          text: blocks(m.text ?? [], inPlan("mandate", i, "text")),
        })),
        priorities: plan.priorities.map((p, i) => runs(p, inPlan("priorities", i))),
        collaboration: blocks(plan.collaboration, inPlan("collaboration")),
        owner: optionalRuns(deliverable.owner, [...at, "owner"]),
        date: deliverable.event?.date === undefined ? null : runs(formatDate(deliverable.event.date)),
        place: place ? placeRuns(place, [...at, "event", "place"]) : null,
      },
    ];
  });
  const meeting = cover.meeting;
  const firstDay = meeting ? firstDayOf(meeting.date, year) : cover.date ? firstDayOf(cover.date, year) : `${year}-01-01`;
  const { introduction, crossCutting } = workplan;
  const hasIntroduction =
    introduction.paragraphs.length + introduction.steps.length + crossCutting.areas.length > 0 ||
    crossCutting.lead !== undefined ||
    introduction.callout !== undefined;
  return {
    year,
    period: workplan.period.label,
    fileStem: planOutputName(workplan).stem,
    lang: "en",
    statusMark: workplan.status === "draft" ? "Draft" : workplan.status === "interim" ? "Interim" : null,
    meta: {
      title: withoutInvisible(cover.title),
      symbol: withoutInvisible(cover.symbol ?? ""),
      author: withoutInvisible(cover.submittedBy ?? workplan.forum),
      keywords: [
        "APEC",
        workplan.forum,
        ...shape.keywords,
        "work plan",
        workplan.period.label,
        ...(cover.symbol ? [cover.symbol] : []),
      ].map(withoutInvisible),
    },
    firstDay,
    cover: {
      organisation: runs(cover.organisation, ["cover", "organisation"]),
      symbol: optionalRuns(cover.symbol, ["cover", "symbol"]),
      agendaItem: optionalRuns(cover.agendaItem, ["cover", "agendaItem"]),
      stamp: optionalRuns(cover.stamp, ["cover", "stamp"]),
      title: runs(cover.title, ["cover", "title"]),
      purpose: optionalRuns(cover.purpose, ["cover", "purpose"]),
      submittedBy: optionalRuns(cover.submittedBy, ["cover", "submittedBy"]),
      forumDocNo: optionalRuns(cover.forumDocNo, ["cover", "forumDocNo"]),
      date: cover.date === undefined ? null : runs(formatDate(cover.date)),
      meeting: meeting
        ? {
            name: runs(meeting.name, ["cover", "meeting", "name"]),
            place: placeRuns(meeting, ["cover", "meeting"]),
            date: runs(formatDate(meeting.date)),
            firstDay,
          }
        : null,
    },
    title: runs(workplan.title, ["title"]),
    introduction: hasIntroduction
      ? {
          heading: headings.introduction,
          callout: optionalRuns(workplan.introduction.callout, ["introduction", "callout"]),
          paragraphs: workplan.introduction.paragraphs.map((p, i) => runs(p, ["introduction", "paragraphs", i])),
          steps: workplan.introduction.steps.map((s, i) => listItem(s, ["introduction", "steps", i])),
          stepsStyle: shape.stepsStyle,
        }
      : null,
    crossCutting: {
      lead: optionalRuns(workplan.crossCutting.lead, ["crossCutting", "lead"]),
      areas: workplan.crossCutting.areas.map((area, a) => ({
        id: area.id,
        name: runs(area.name, ["crossCutting", "areas", a, "name"]),
        activities: area.activities.map((item, i) => listItem(item, ["crossCutting", "areas", a, "activities", i])),
      })),
    },
    deliverables: numbered.length
      ? {
          heading: headings.deliverables,
          labelled: shape.itemLabel !== "",
          labelFormat: withoutInvisible(itemLabelFormat(workplan)),
          items: numbered.map(({ deliverable, number }, i) => ({
            id: deliverable.id,
            number: withoutInvisible(number),
            text: withTbc(deliverable, i),
            owner:
              deliverable.owner === undefined
                ? null
                : [run(`${shape.ownerLabel}: `), run(deliverable.owner, false, ["deliverables", i, "owner"])],
            group:
              deliverable.group !== undefined && deliverable.group !== workplan.deliverables[i - 1]?.group
                ? runs(deliverable.group, ["deliverables", i, "group"])
                : null,
          })),
        }
      : null,
    plans:
      shape.columns.length && rows.length
        ? { heading: headings.plans, columns: shape.columns.map((c) => ({ ...c, title: withoutInvisible(c.title) })), rows }
        : null,
    timeline: options.timeline === false ? null : buildTimeline(workplan),
    annex: shape.annex && options.glossary?.present ? acronymAnnex(workplan, options.glossary, headings.annex) : null,
    redline: null,
  };
}

/** The glossary's entries for the acronyms the plan uses, alphabetically; null when it uses none. */
function acronymAnnex(workplan: Workplan, glossary: Glossary, heading: string): WorkplanView["annex"] {
  // The glossary is text from a file too: its names print as the plan's do.
  const byKey = new Map(
    [...glossary.acronyms].map(([acronym, name]) => [acronym.replace(/-/g, ""), { acronym, name: withoutInvisible(name) }]),
  );
  const used = new Map<string, { acronym: string; name: string }>();
  for (const use of glossaryTerms(acronymUses(workplan))) {
    const entry = byKey.get(use.key);
    if (entry) used.set(entry.acronym, entry);
  }
  const entries = [...used.values()].sort((a, b) => compareText(a.acronym, b.acronym));
  return entries.length ? { heading, entries } : null;
}

/** Section headings as printed: they are the layout's text, so they lose what a run loses. */
const printedHeadings = <T extends Record<string, string>>(headings: T): T =>
  Object.fromEntries(Object.entries(headings).map(([section, heading]) => [section, withoutInvisible(heading)])) as T;

/** The first day a date spec names, as `YYYY-MM-DD` (the 1st for a month, 1 January of the plan's year for TBD). */
function firstDayOf(spec: string, planYear: number): string {
  const parsed = parseDateSpec(spec);
  if (typeof parsed === "string") return `${planYear}-01-01`;
  const { year, month, day } = parsed.kind === "month" ? { ...parsed, day: 1 } : parsed.start;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function formatDate(spec: string): string {
  const parsed = parseDateSpec(spec);
  return typeof parsed === "string" ? spec : formatDateSpec(parsed);
}

/**
 * A deliverable's text, with "(tbc)" added when its event is marked `tbc` and the text does not say
 * so already. Why: the flag is the record, and the tabled document shows it the way APEC plans do,
 * in the list and in the row that takes its title from the deliverable.
 */
function withTbc(deliverable: Workplan["deliverables"][number], index: number): Run[] {
  const text = runs(deliverable.text, ["deliverables", index, "text"]);
  const says = text.some((run) => /\(tbc\)/i.test(run.text));
  return deliverable.event?.tbc && !says ? [...text, run(" (tbc)")] : text;
}

/** A run of plain text. Invisible direction and zero-width characters are dropped: printed text reads as written. */
export const run = (text: string, em = false, path?: DataPath): Run => ({
  text: withoutInvisible(text),
  em,
  ins: false,
  del: false,
  ...(path && { path }),
});

/** Rich text from the file as runs; with the path it is written at, each run knows the string it prints. */
export function runs(text: RichText, path?: DataPath): Run[] {
  const at = (...rest: DataPath) => path && [...path, ...rest];
  if (typeof text === "string") return [run(text, false, path)];
  return text.map((part, i) =>
    typeof part === "string"
      ? run(part, false, at(i))
      : "em" in part
        ? run(part.em, true, at(i, "em"))
        : run(part.theme, true, at(i, "theme")),
  );
}

/** A place as printed, "Nha Trang, Viet Nam": the city and the economy each keep their path. */
function placeRuns(place: { city?: string | undefined; economy?: string | undefined }, path: DataPath): Run[] {
  const parts = (["city", "economy"] as const).flatMap((key) => (place[key] ? [run(place[key], false, [...path, key])] : []));
  return parts.flatMap((part, i) => (i === 0 ? [part] : [run(", "), part]));
}

/** The words of runs without their marks. */
export const plainText = (text: readonly Run[]) => text.map((r) => r.text).join("");

function listItem(item: ListItem, path: DataPath): ListItemView {
  if (typeof item === "object" && !Array.isArray(item)) {
    return { text: runs(item.text, [...path, "text"]), items: item.items.map((child, i) => listItem(child, [...path, "items", i])) };
  }
  return { text: runs(item, path), items: [] };
}

function blocks(content: Blocks, path: DataPath): BlockView[] {
  if (typeof content === "string") return [{ paragraph: runs(content, path), list: null }];
  return content.map((block, i) =>
    typeof block === "object" && !Array.isArray(block)
      ? { paragraph: null, list: block.list.map((item, j) => listItem(item, [...path, i, "list", j])) }
      : { paragraph: runs(block, [...path, i]), list: null },
  );
}
