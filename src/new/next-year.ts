import { isMap, isScalar, isSeq, visit, type Document, type YAMLMap } from "yaml";
import { parseDateSpec, PLACEHOLDER, type DateSpec } from "../model/date-spec.js";
import { itemLabels, itemName } from "../model/labels.js";
import type { Deliverable, Period, Workplan } from "../model/schema.js";
import type { SourceFile } from "../parse/parse-workplan.js";
import { ordinal } from "../model/ordinal.js";

/** A deliverable `ctwg new` did not carry over, for the author to decide about. */
export interface LeftOut {
  /** How the plan named it: "1.2", "Activity 2", "#2". */
  number: string;
  text: string;
  reason: string;
}

export interface NextYear {
  text: string;
  /** The new plan's first year. */
  year: number;
  /** The new plan's period: the next year, or the next span of as many years (2018-2022 → 2023-2027). */
  period: Period;
  leftOut: LeftOut[];
}

/**
 * The plan that follows a period: the next year for a one-year plan, the next span of the same
 * length for a plan of several years.
 */
export function nextPeriod(period: Period): Period {
  const length = period.end - period.start + 1;
  const start = period.start + length;
  const end = period.end + length;
  return { start, end, label: length === 1 ? String(start) : `${start}-${end}` };
}

/**
 * Next year's draft from this year's plan, as YAML text with this year's comments kept. The year
 * (or the period, for a plan of several years) moves on in the titles and symbols (whose serials
 * become TBD, as do the cover's meeting, date and agenda item, where the cover has them); working-
 * group meetings continue their numbering; recurring items move on and become tbc; one-off items
 * (workshops, dialogues, anything marked `oneOff`) are left out and listed. Pure: the parsed file
 * in, text out.
 */
export function nextYearPlan(source: SourceFile, workplan: Workplan): NextYear {
  const { period } = workplan;
  const next = nextPeriod(period);
  const years = next.start - period.start;
  const span = years > 1;
  const year = next.start;
  const doc = source.document.clone() as Document.Parsed;
  const meetings = workplan.deliverables.flatMap((d) =>
    d.event?.kind === "meeting" && d.event.meetingNumber !== undefined ? [d.event.meetingNumber] : [],
  );
  const renumber = new Map(meetings.map((n) => [n, n + meetings.length]));
  // The plan's own years and the year before (last year's mandates) move on; older years are history.
  const moves = (y: number) => y >= period.start - 1 && y <= period.end;
  const yearOn = (y: string) => (moves(Number(y)) ? String(Number(y) + years) : y);
  const shiftYears = (text: string) =>
    span
      ? // Why spans move whole in a plan of several years: "Strategic Plan 2013-2017" is the period before, and becomes this one.
        text.replace(/\b(\d{4})(-\d{4})?\b/g, (written, first: string, second: string | undefined) => {
          const end = second?.slice(1);
          if (end === undefined) return yearOn(first);
          return moves(Number(first)) || moves(Number(end)) ? `${Number(first) + years}-${Number(end) + years}` : written;
        })
      : text.replace(/\b\d{4}\b/g, yearOn);
  const shift = (text: string) =>
    shiftYears(text).replace(/\b(\d+)\s?(?:st|nd|rd|th)\b/g, (written, n: string) =>
      renumber.has(Number(n)) ? ordinal(renumber.get(Number(n))!) : written,
    );

  const root = doc.contents as YAMLMap;
  const periodKey = span ? "period" : "year";
  doc.setIn([periodKey], span ? next.label : year);
  const periodAt = root.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === periodKey);
  if (doc.hasIn(["status"])) doc.setIn(["status"], "draft");
  else root.items.splice(periodAt + 1, 0, doc.createPair("status", "draft"));

  const { cover } = workplan;
  if (cover.symbol !== undefined) doc.setIn(["cover", "symbol"], draftSymbol(cover.symbol, year));
  if (cover.forumDocNo !== undefined) doc.setIn(["cover", "forumDocNo"], draftSymbol(cover.forumDocNo, year));
  if (cover.agendaItem !== undefined) doc.setIn(["cover", "agendaItem"], PLACEHOLDER);
  // A draft is not yet endorsed or updated: this year's stamp does not carry over.
  if (cover.stamp !== undefined) doc.deleteIn(["cover", "stamp"]);
  doc.setIn(["cover", "title"], onward(cover.title, period, next));
  if (cover.date !== undefined) doc.setIn(["cover", "date"], PLACEHOLDER);
  if (cover.meeting) {
    for (const key of ["name", "city", "economy", "date"] as const)
      if (cover.meeting[key] !== undefined) doc.setIn(["cover", "meeting", key], PLACEHOLDER);
  }
  doc.setIn(["title"], onward(workplan.title, period, next));

  const items = doc.getIn(["deliverables"]);
  const leftOut: LeftOut[] = [];
  const kept: { node: unknown; index: number }[] = [];
  workplan.deliverables.forEach((deliverable, i) => {
    const node = isSeq(items) ? items.items[i] : undefined;
    const reason = oneOffReason(deliverable);
    if (reason) {
      leftOut.push({ number: itemName(workplan, i), text: plainText(deliverable.text), reason });
      return;
    }
    if (isMap(node)) carryOver(node, deliverable, shift, renumber, years);
    kept.push({ node, index: i });
  });
  if (isSeq(items)) {
    items.items = kept.map((k) => k.node) as typeof items.items;
    // Keep the "# 1.x" comments in step with the new labels.
    const before = itemLabels(workplan).map(nameOf);
    const after = itemLabels({ ...workplan, deliverables: kept.map((k) => workplan.deliverables[k.index]!) }).map(nameOf);
    kept.forEach(({ node, index }, i) => {
      const old = before[index]!;
      if (!isMap(node) || !node.commentBefore || old === "") return;
      node.commentBefore = node.commentBefore.replace(
        new RegExp(`^(\\s*)${escapeRegExp(old)}(?!\\d)`),
        (_all, space: string) => `${space}${after[i]}`,
      );
    });
  }
  doc.commentBefore = `${doc.commentBefore ? `${doc.commentBefore}\n` : ""} Draft for ${next.label}, started from the ${period.label} plan by \`ctwg new\`: \`ctwg lint\` lists what is left to fill in.`;
  return { text: doc.toString({ lineWidth: 110, minContentWidth: 40 }), year, period: next, leftOut };
}

/** Why an item is not carried over, or undefined when it recurs. */
function oneOffReason(deliverable: Deliverable): string | undefined {
  const kind = deliverable.event?.kind;
  if (deliverable.oneOff === true) return "marked oneOff";
  if (deliverable.oneOff === false) return undefined;
  if (kind === "workshop" || kind === "dialogue") return `a ${kind}, held once`;
  return undefined;
}

/** A recurring item moved on: its texts shifted, its meeting renumbered, its date `years` later and tbc. */
function carryOver(
  node: YAMLMap,
  deliverable: Deliverable,
  shift: (text: string) => string,
  renumber: Map<number, number>,
  years: number,
): void {
  visit(node, {
    Scalar(_key, scalar) {
      if (typeof scalar.value === "string") scalar.value = shift(scalar.value);
    },
  });
  const event = deliverable.event;
  if (!event) return;
  if (event.meetingNumber !== undefined && renumber.has(event.meetingNumber))
    node.setIn(["event", "meetingNumber"], renumber.get(event.meetingNumber));
  if (event.date !== undefined) {
    const date = parseDateSpec(event.date);
    if (typeof date !== "string") node.setIn(["event", "date"], specYearsOn(date, years));
  }
  node.setIn(["event", "tbc"], true);
}

/** "2017/SOM1/CTWG/004" → "2018/SOM1/CTWG/TBD": the year moves, the serial is issued later. */
const draftSymbol = (symbol: string, year: number) =>
  symbol.replace(/^\d{4}/, String(year)).replace(/\/\d{3}[A-Za-z0-9]*$/, `/${PLACEHOLDER}`);

/** A title a period on: "Workplan for 2017" → "Workplan for 2018", "Strategic Plan 2018-2022" → "… 2023-2027". */
const onward = (text: string, period: Period, next: Period) => text.replace(new RegExp(`\\b${period.label}\\b`, "g"), next.label);
const plainText = (text: Deliverable["text"]) =>
  typeof text === "string" ? text : text.map((r) => (typeof r === "string" ? r : "em" in r ? r.em : r.theme)).join("");
/** A label as a comment names it: "1.2", "Activity 2" (no trailing colon), or "" when there is none. */
const nameOf = (label: string) => label.replace(/[:.]$/, "").trim();
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The same days `years` later; 29 February becomes the 28th. */
function specYearsOn(date: DateSpec, years: number): string {
  const day = (d: { year: number; month: number; day: number }) => {
    const last = new Date(Date.UTC(d.year + years, d.month, 0)).getUTCDate();
    return `${d.year + years}-${pad(d.month)}-${pad(Math.min(d.day, last))}`;
  };
  if (date.kind === "month") return `${date.year + years}-${pad(date.month)}`;
  if (date.kind === "day") return day(date.start);
  return `${day(date.start)}/${day(date.end)}`;
}
const pad = (n: number) => String(n).padStart(2, "0");
