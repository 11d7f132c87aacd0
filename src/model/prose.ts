import type { DataPath } from "../diagnostics/diagnostic.js";
import type { Blocks, ListItem, RichText, Workplan } from "./schema.js";

/** A piece of text the plan prints: its data path, its whole text, and (for runs) each run's own path. */
export interface ProseText {
  path: DataPath;
  text: string;
  /** Where each part of `text` lives; one part for a plain string. */
  parts: { path: DataPath; text: string }[];
  /** Text of an item (a deliverable and its row), as opposed to the introduction or the cover. */
  inItem: boolean;
}

/**
 * Every printed text of a workplan, in document order. Why a walker of its own instead of visiting
 * every string: rules about prose must not read ids, symbols or dates as words, and must see a
 * paragraph written as runs as one text.
 */
export function proseTexts(workplan: Workplan): ProseText[] {
  // Why a cache: most lint rules read the prose of the same plan; it is walked once per plan.
  const cached = proseCache.get(workplan);
  if (cached) return cached;
  const out: ProseText[] = [];
  proseCache.set(workplan, out);
  const rich = (value: RichText, path: DataPath, inItem = false) => {
    if (typeof value === "string") {
      out.push({ path, text: value, parts: [{ path, text: value }], inItem });
      return;
    }
    const parts = value.map((run, i) =>
      typeof run === "string"
        ? { path: [...path, i], text: run }
        : "em" in run
          ? { path: [...path, i, "em"], text: run.em }
          : { path: [...path, i, "theme"], text: run.theme },
    );
    out.push({ path, text: parts.map((p) => p.text).join(""), parts, inItem });
  };
  const list = (items: readonly ListItem[], path: DataPath, inItem = false) =>
    items.forEach((item, i) => {
      if (typeof item === "object" && !Array.isArray(item)) {
        rich(item.text, [...path, i, "text"], inItem);
        list(item.items, [...path, i, "items"], inItem);
      } else rich(item, [...path, i], inItem);
    });
  const blocks = (content: Blocks, path: DataPath) => {
    if (typeof content === "string") return rich(content, path, true);
    content.forEach((block, i) => {
      if (typeof block === "object" && !Array.isArray(block)) list(block.list, [...path, i, "list"], true);
      else rich(block, [...path, i], true);
    });
  };

  const { cover } = workplan;
  const optional = (value: RichText | undefined, path: DataPath) => value !== undefined && rich(value, path);
  optional(cover.stamp, ["cover", "stamp"]);
  rich(cover.organisation, ["cover", "organisation"]);
  rich(cover.title, ["cover", "title"]);
  optional(cover.purpose, ["cover", "purpose"]);
  optional(cover.submittedBy, ["cover", "submittedBy"]);
  if (cover.meeting) {
    rich(cover.meeting.name, ["cover", "meeting", "name"]);
    optional(cover.meeting.city, ["cover", "meeting", "city"]);
    rich(cover.meeting.economy, ["cover", "meeting", "economy"]);
  }
  rich(workplan.title, ["title"]);
  optional(workplan.introduction.callout, ["introduction", "callout"]);
  for (const [i, p] of workplan.introduction.paragraphs.entries()) rich(p, ["introduction", "paragraphs", i]);
  list(workplan.introduction.steps, ["introduction", "steps"]);
  optional(workplan.crossCutting.lead, ["crossCutting", "lead"]);
  workplan.crossCutting.areas.forEach((area, i) => {
    rich(area.name, ["crossCutting", "areas", i, "name"]);
    list(area.activities, ["crossCutting", "areas", i, "activities"]);
  });
  workplan.deliverables.forEach((deliverable, i) => {
    const at: DataPath = ["deliverables", i];
    if (deliverable.group !== undefined && deliverable.group !== workplan.deliverables[i - 1]?.group)
      rich(deliverable.group, [...at, "group"], true);
    rich(deliverable.text, [...at, "text"], true);
    if (deliverable.owner !== undefined) rich(deliverable.owner, [...at, "owner"], true);
    const place = deliverable.event?.place;
    if (place?.city !== undefined) rich(place.city, [...at, "event", "place", "city"], true);
    if (place) rich(place.economy, [...at, "event", "place", "economy"], true);
    const { plan } = deliverable;
    if (!plan) return;
    if (plan.title !== undefined) rich(plan.title, [...at, "plan", "title"], true);
    blocks(plan.summary, [...at, "plan", "summary"]);
    plan.mandate.forEach((m, k) => {
      rich(m.source, [...at, "plan", "mandate", k, "source"], true);
      if (m.text !== undefined) blocks(m.text, [...at, "plan", "mandate", k, "text"]);
    });
    for (const [k, p] of plan.priorities.entries()) rich(p, [...at, "plan", "priorities", k], true);
    blocks(plan.collaboration, [...at, "plan", "collaboration"]);
  });
  return out;
}

const proseCache = new WeakMap<Workplan, ProseText[]>();

/** The part of a text that holds the character at `index` of the joined text, and the index within that part. */
export function partAt(text: ProseText, index: number): { path: DataPath; text: string; offset: number } {
  let start = 0;
  for (const part of text.parts) {
    if (index < start + part.text.length) return { ...part, offset: index - start };
    start += part.text.length;
  }
  const last = text.parts[text.parts.length - 1]!;
  return { ...last, offset: last.text.length };
}

/**
 * Every string of a workplan with its path, in the order the data holds them: the prose, and what
 * else the documents print (the symbol, the layout's headings, column titles and keywords, labels).
 * Why apart from proseTexts: rules about characters read every string, rules about words only prose.
 */
export function planStrings(workplan: Workplan): { path: DataPath; text: string }[] {
  const out: { path: DataPath; text: string }[] = [];
  const walk = (value: unknown, path: DataPath): void => {
    if (typeof value === "string") out.push({ path, text: value });
    else if (Array.isArray(value)) for (const [i, item] of value.entries()) walk(item, [...path, i]);
    else if (value && typeof value === "object") for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  walk(workplan, []);
  return out;
}
