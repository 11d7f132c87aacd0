import { formatDateSpec, parseDateSpec } from "../model/date-spec.js";
import { acronymUses, glossaryTerms } from "../model/acronyms.js";
import type { Glossary } from "../model/glossary.js";
import { withoutInvisible } from "../model/invisible.js";
import type { Blocks, ListItem, RichText, Workplan } from "../model/schema.js";
import { buildTimeline, type TimelineView } from "./timeline.js";

/**
 * The view model: every string a format prints, decided once. Formats only lay these out, so the
 * Markdown, HTML and PDF say the same words.
 */
export interface WorkplanView {
  year: number;
  /** The output file name without extension, after APEC's file names: `2017_som1_sce-cow_002`. */
  fileStem: string;
  lang: string;
  /** A draft (`status: draft`): the documents say so on the cover. */
  draft: boolean;
  /** Plain-text facts for places that cannot hold markup: the HTML <title>, the PDF's metadata. */
  meta: { title: string; symbol: string; author: string };
  cover: {
    organisation: Run[];
    symbol: Run[];
    agendaItem: Run[];
    title: Run[];
    purpose: Run[];
    submittedBy: Run[];
    forumDocNo: Run[] | null;
    meeting: { name: Run[]; place: Run[]; date: Run[]; firstDay: string };
  };
  title: Run[];
  introduction: { heading: string; paragraphs: Run[][]; steps: ListItemView[] };
  crossCutting: { lead: Run[]; areas: { id: string; name: Run[]; activities: ListItemView[] }[] };
  deliverables: { heading: string; items: { id: string; number: string; text: Run[] }[] };
  plans: { heading: string; columns: string[]; rows: PlanRowView[] };
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
}

export interface ListItemView {
  text: Run[];
  items: ListItemView[];
}

/** A paragraph or a bullet list; exactly one of the two is set. */
export interface BlockView {
  paragraph: Run[] | null;
  list: ListItemView[] | null;
}

export interface PlanRowView {
  id: string;
  number: string;
  title: Run[];
  summary: BlockView[];
  mandate: { source: Run[]; text: BlockView[] }[];
  priorities: Run[][];
  collaboration: BlockView[];
}

/** The column headings of the itemized table, as APEC's work-plan template words them. */
export const PLAN_COLUMNS = [
  "Title",
  "Summary of Specific Plans",
  "Mandate (Leaders/Ministers/SOM/SCE Priorities and Decisions, Strategic Plans and to ABAC recommendations)",
  "ECOTECH Priorities and/or Host Year Priorities",
  "Cross-fora collaboration (Within APEC and beyond APEC)",
];

/** Builds the view of a valid workplan. */
export function buildView(workplan: Workplan, options: ViewOptions = {}): WorkplanView {
  const { cover, year } = workplan;
  const numbered = workplan.deliverables.map((deliverable, index) => ({ deliverable, number: `1.${index + 1}` }));
  return {
    year,
    fileStem: fileStemOf(cover.symbol),
    lang: "en",
    draft: workplan.status === "draft",
    meta: { title: withoutInvisible(cover.title), symbol: withoutInvisible(cover.symbol), author: withoutInvisible(cover.submittedBy) },
    cover: {
      organisation: runs(cover.organisation),
      symbol: runs(cover.symbol),
      agendaItem: runs(cover.agendaItem),
      title: runs(cover.title),
      purpose: runs(cover.purpose),
      submittedBy: runs(cover.submittedBy),
      forumDocNo: cover.forumDocNo === undefined ? null : runs(cover.forumDocNo),
      meeting: {
        name: runs(cover.meeting.name),
        place: runs(`${cover.meeting.city}, ${cover.meeting.economy}`),
        date: runs(formatDate(cover.meeting.date)),
        firstDay: firstDayOf(cover.meeting.date, year),
      },
    },
    title: runs(workplan.title),
    introduction: {
      heading: "Introduction",
      paragraphs: workplan.introduction.paragraphs.map(runs),
      steps: workplan.introduction.steps.map(listItem),
    },
    crossCutting: {
      lead: runs(workplan.crossCutting.lead),
      areas: workplan.crossCutting.areas.map((area) => ({ id: area.id, name: runs(area.name), activities: area.activities.map(listItem) })),
    },
    deliverables: {
      heading: `1. Expected Outcomes/Deliverables for ${year}`,
      items: numbered.map(({ deliverable, number }) => ({ id: deliverable.id, number, text: withTbc(deliverable) })),
    },
    plans: {
      heading: `2. Itemized Work Plans for ${year}`,
      columns: PLAN_COLUMNS,
      rows: numbered.flatMap(({ deliverable, number }) => {
        const { plan } = deliverable;
        if (!plan) return [];
        return [
          {
            id: deliverable.id,
            number,
            title: plan.title === undefined ? withTbc(deliverable) : runs(plan.title),
            summary: blocks(plan.summary),
            mandate: plan.mandate.map((m) => ({ source: runs(m.source), text: blocks(m.text ?? []) })),
            priorities: plan.priorities.map((p) => runs(p)),
            collaboration: blocks(plan.collaboration),
          },
        ];
      }),
    },
    timeline: options.timeline === false ? null : buildTimeline(workplan),
    annex: options.glossary?.present ? acronymAnnex(workplan, options.glossary) : null,
    redline: null,
  };
}

/** The glossary's entries for the acronyms the plan uses, alphabetically; null when it uses none. */
function acronymAnnex(workplan: Workplan, glossary: Glossary): WorkplanView["annex"] {
  const byKey = new Map([...glossary.acronyms].map(([acronym, name]) => [acronym.replace(/-/g, ""), { acronym, name }]));
  const used = new Map<string, { acronym: string; name: string }>();
  for (const use of glossaryTerms(acronymUses(workplan))) {
    const entry = byKey.get(use.key);
    if (entry) used.set(entry.acronym, entry);
  }
  const entries = [...used.values()].sort((a, b) => a.acronym.localeCompare(b.acronym));
  return entries.length ? { heading: "Annex: Acronyms", entries } : null;
}

/** `2017/SOM1/SCE-COW/002` becomes `2017_som1_sce-cow_002`; anything but letters, digits and hyphens becomes `_`. */
export function fileStemOf(symbol: string): string {
  const stem = symbol.toLowerCase().replace(/[^a-z0-9-]+/g, "_").replace(/^_+|_+$/g, "");
  return stem || "workplan";
}

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
function withTbc(deliverable: Workplan["deliverables"][number]): Run[] {
  const text = runs(deliverable.text);
  const says = text.some((run) => /\(tbc\)/i.test(run.text));
  return deliverable.event?.tbc && !says ? [...text, run(" (tbc)")] : text;
}

/** A run of plain text. Invisible direction and zero-width characters are dropped: printed text reads as written. */
export const run = (text: string, em = false): Run => ({ text: withoutInvisible(text), em, ins: false, del: false });

/** Rich text from the file as runs. */
export function runs(text: RichText): Run[] {
  if (typeof text === "string") return [run(text)];
  return text.map((part) => (typeof part === "string" ? run(part) : "em" in part ? run(part.em, true) : run(part.theme, true)));
}

/** The words of runs without their marks. */
export const plainText = (text: readonly Run[]) => text.map((r) => r.text).join("");

function listItem(item: ListItem): ListItemView {
  if (typeof item === "object" && !Array.isArray(item)) return { text: runs(item.text), items: item.items.map(listItem) };
  return { text: runs(item), items: [] };
}

function blocks(content: Blocks): BlockView[] {
  const list = typeof content === "string" ? [content] : content;
  return list.map((block) =>
    typeof block === "object" && !Array.isArray(block)
      ? { paragraph: null, list: block.list.map(listItem) }
      : { paragraph: runs(block), list: null },
  );
}
