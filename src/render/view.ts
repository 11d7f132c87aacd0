import { formatDateSpec, parseDateSpec } from "../model/date-spec.js";
import type { Blocks, ListItem, RichText, Workplan } from "../model/schema.js";

/**
 * The view model: every string a format prints, decided once. Formats only lay these out, so the
 * Markdown, HTML and PDF say the same words.
 */
export interface WorkplanView {
  year: number;
  /** The output file name without extension, after APEC's file names: `2017_som1_sce-cow_002`. */
  fileStem: string;
  lang: string;
  cover: {
    organisation: string;
    symbol: string;
    agendaItem: string;
    title: string;
    purpose: string;
    submittedBy: string;
    forumDocNo: string | null;
    meeting: { name: string; place: string; date: string; firstDay: string };
  };
  title: string;
  introduction: { heading: string; paragraphs: Run[][]; steps: ListItemView[] };
  crossCutting: { lead: Run[]; areas: { id: string; name: string; activities: ListItemView[] }[] };
  deliverables: { heading: string; items: { id: string; number: string; text: Run[] }[] };
  plans: { heading: string; columns: string[]; rows: PlanRowView[] };
}

/** A run of inline text; `em` prints in italics (the theme, emphasis). */
export interface Run {
  text: string;
  em: boolean;
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
  mandate: { source: string; text: BlockView[] }[];
  priorities: string[];
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
export function buildView(workplan: Workplan): WorkplanView {
  const { cover, year } = workplan;
  const numbered = workplan.deliverables.map((deliverable, index) => ({ deliverable, number: `1.${index + 1}` }));
  return {
    year,
    fileStem: fileStemOf(cover.symbol),
    lang: "en",
    cover: {
      organisation: cover.organisation,
      symbol: cover.symbol,
      agendaItem: cover.agendaItem,
      title: cover.title,
      purpose: cover.purpose,
      submittedBy: cover.submittedBy,
      forumDocNo: cover.forumDocNo ?? null,
      meeting: {
        name: cover.meeting.name,
        place: `${cover.meeting.city}, ${cover.meeting.economy}`,
        date: formatDate(cover.meeting.date),
        firstDay: firstDayOf(cover.meeting.date),
      },
    },
    title: workplan.title,
    introduction: {
      heading: "Introduction",
      paragraphs: workplan.introduction.paragraphs.map(runs),
      steps: workplan.introduction.steps.map(listItem),
    },
    crossCutting: {
      lead: runs(workplan.crossCutting.lead),
      areas: workplan.crossCutting.areas.map((area) => ({ id: area.id, name: area.name, activities: area.activities.map(listItem) })),
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
            title: runs(plan.title ?? deliverable.text),
            summary: blocks(plan.summary),
            mandate: plan.mandate.map((m) => ({ source: m.source, text: blocks(m.text ?? []) })),
            priorities: plan.priorities,
            collaboration: blocks(plan.collaboration),
          },
        ];
      }),
    },
  };
}

/** `2017/SOM1/SCE-COW/002` becomes `2017_som1_sce-cow_002`; anything but letters, digits and hyphens becomes `_`. */
export function fileStemOf(symbol: string): string {
  const stem = symbol.toLowerCase().replace(/[^a-z0-9-]+/g, "_").replace(/^_+|_+$/g, "");
  return stem || "workplan";
}

/** The first day a date spec names, as `YYYY-MM-DD` (the 1st for a month). */
function firstDayOf(spec: string): string {
  const parsed = parseDateSpec(spec);
  if (typeof parsed === "string") return spec.slice(0, 10);
  const { year, month, day } = parsed.kind === "month" ? { ...parsed, day: 1 } : parsed.start;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function formatDate(spec: string): string {
  const parsed = parseDateSpec(spec);
  return typeof parsed === "string" ? spec : formatDateSpec(parsed);
}

/**
 * A deliverable's text, with "(tbc)" added when its event is marked `tbc` and the text does not say
 * so already. Why: the flag is the record, and the tabled document shows it the way APEC plans do.
 */
function withTbc(deliverable: Workplan["deliverables"][number]): Run[] {
  const text = runs(deliverable.text);
  const says = text.some((run) => /\(tbc\)/i.test(run.text));
  return deliverable.event?.tbc && !says ? [...text, { text: " (tbc)", em: false }] : text;
}

export function runs(text: RichText): Run[] {
  if (typeof text === "string") return [{ text, em: false }];
  return text.map((run) =>
    typeof run === "string" ? { text: run, em: false } : "em" in run ? { text: run.em, em: true } : { text: run.theme, em: true },
  );
}

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
