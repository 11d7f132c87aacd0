import { isMap, isScalar, visit, type Document, type YAMLMap, type YAMLSeq } from "yaml";
import { parseDateSpec, PLACEHOLDER, type DateSpec } from "../model/date-spec.js";
import type { Deliverable, Workplan } from "../model/schema.js";
import type { SourceFile } from "../parse/parse-workplan.js";
import { ordinal } from "../model/ordinal.js";

/** A deliverable `ctwg new` did not carry over, for the author to decide about. */
export interface LeftOut {
  number: string;
  text: string;
  reason: string;
}

export interface NextYear {
  text: string;
  year: number;
  leftOut: LeftOut[];
}

/**
 * Next year's draft from this year's plan, as YAML text with this year's comments kept. The year
 * moves on in the titles and symbols (whose serials become TBD, as do the cover's meeting and
 * agenda item); working-group meetings continue their numbering; recurring items move one year
 * and become tbc; one-off items (workshops, dialogues, anything marked `oneOff`) are left out and
 * listed. Pure: the parsed file in, text out.
 */
export function nextYearPlan(source: SourceFile, workplan: Workplan): NextYear {
  const year = workplan.year + 1;
  const doc = source.document.clone() as Document.Parsed;
  const meetings = workplan.deliverables.flatMap((d) => (d.event?.kind === "meeting" && d.event.meetingNumber !== undefined ? [d.event.meetingNumber] : []));
  const renumber = new Map(meetings.map((n) => [n, n + meetings.length]));
  const shift = (text: string) =>
    text
      .replace(/\b\d{4}\b/g, (y) => (Number(y) === workplan.year || Number(y) === workplan.year - 1 ? String(Number(y) + 1) : y))
      .replace(/\b(\d+)\s?(?:st|nd|rd|th)\b/g, (written, n: string) => (renumber.has(Number(n)) ? ordinal(renumber.get(Number(n))!) : written));

  const root = doc.contents as YAMLMap;
  doc.setIn(["year"], year);
  const yearAt = root.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === "year");
  if (doc.hasIn(["status"])) doc.setIn(["status"], "draft");
  else root.items.splice(yearAt + 1, 0, doc.createPair("status", "draft"));

  const cover = workplan.cover;
  doc.setIn(["cover", "symbol"], draftSymbol(cover.symbol, year));
  if (cover.forumDocNo !== undefined) doc.setIn(["cover", "forumDocNo"], draftSymbol(cover.forumDocNo, year));
  doc.setIn(["cover", "agendaItem"], PLACEHOLDER);
  doc.setIn(["cover", "title"], yearOnward(cover.title, workplan.year));
  for (const key of ["name", "city", "economy", "date"]) doc.setIn(["cover", "meeting", key], PLACEHOLDER);
  doc.setIn(["title"], yearOnward(workplan.title, workplan.year));

  const items = doc.getIn(["deliverables"]) as YAMLSeq;
  const leftOut: LeftOut[] = [];
  const kept: unknown[] = [];
  workplan.deliverables.forEach((deliverable, i) => {
    const node = items.items[i];
    const reason = oneOffReason(deliverable);
    if (reason) {
      leftOut.push({ number: `1.${i + 1}`, text: plainText(deliverable.text), reason });
      return;
    }
    if (isMap(node)) carryOver(node, deliverable, shift, renumber);
    kept.push(node);
  });
  items.items = kept as typeof items.items;
  items.items.forEach((node, i) => {
    // Keep the "# 1.x" comments in step with the new numbering.
    if (isMap(node) && node.commentBefore) node.commentBefore = node.commentBefore.replace(/^(\s*)1\.\d+/, `$11.${i + 1}`);
  });
  doc.commentBefore = `${doc.commentBefore ? `${doc.commentBefore}\n` : ""} Draft for ${year}, started from the ${workplan.year} plan by \`ctwg new\`: \`ctwg lint\` lists what is left to fill in.`;
  return { text: doc.toString({ lineWidth: 110, minContentWidth: 40 }), year, leftOut };
}

/** Why an item is not carried over, or undefined when it recurs. */
function oneOffReason(deliverable: Deliverable): string | undefined {
  const kind = deliverable.event?.kind;
  if (deliverable.oneOff === true) return "marked oneOff";
  if (deliverable.oneOff === false) return undefined;
  if (kind === "workshop" || kind === "dialogue") return `a ${kind}, held once`;
  return undefined;
}

/** A recurring item a year on: its texts shifted, its meeting renumbered, its date a year later and tbc. */
function carryOver(node: YAMLMap, deliverable: Deliverable, shift: (text: string) => string, renumber: Map<number, number>): void {
  visit(node, {
    Scalar(_key, scalar) {
      if (typeof scalar.value === "string") scalar.value = shift(scalar.value);
    },
  });
  const event = deliverable.event;
  if (!event) return;
  if (event.meetingNumber !== undefined && renumber.has(event.meetingNumber)) node.setIn(["event", "meetingNumber"], renumber.get(event.meetingNumber));
  if (event.date !== undefined) {
    const date = parseDateSpec(event.date);
    if (typeof date !== "string") node.setIn(["event", "date"], specYearOn(date));
  }
  node.setIn(["event", "tbc"], true);
}

/** "2017/SOM1/CTWG/004" → "2018/SOM1/CTWG/TBD": the year moves, the serial is issued later. */
const draftSymbol = (symbol: string, year: number) => symbol.replace(/^\d{4}/, String(year)).replace(/\/\d{3}[A-Za-z0-9]*$/, `/${PLACEHOLDER}`);
const yearOnward = (text: string, year: number) => text.replace(new RegExp(`\\b${year}\\b`, "g"), String(year + 1));
const plainText = (text: Deliverable["text"]) => (typeof text === "string" ? text : text.map((r) => (typeof r === "string" ? r : "em" in r ? r.em : r.theme)).join(""));

/** The same days a year later; 29 February becomes the 28th. */
function specYearOn(date: DateSpec): string {
  const day = (d: { year: number; month: number; day: number }) => {
    const last = new Date(Date.UTC(d.year + 1, d.month, 0)).getUTCDate();
    return `${d.year + 1}-${pad(d.month)}-${pad(Math.min(d.day, last))}`;
  };
  if (date.kind === "month") return `${date.year + 1}-${pad(date.month)}`;
  if (date.kind === "day") return day(date.start);
  return `${day(date.start)}/${day(date.end)}`;
}
const pad = (n: number) => String(n).padStart(2, "0");
