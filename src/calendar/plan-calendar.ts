import { formatDateSpec, parseDateSpec, type DateSpec } from "../model/date-spec.js";
import { withoutInvisible } from "../model/invisible.js";
import { itemName } from "../model/labels.js";
import type { Event, Workplan } from "../model/schema.js";
import { ordinal } from "../model/ordinal.js";
import { buildView, plainText, type BlockView, type ListItemView, type WorkplanView } from "../render/view.js";

/** One dated item of a workplan, as a calendar shows it: all day, from `start` up to (not including) `end`. */
export interface CalendarEvent {
  /**
   * `2017-first-ctwg-meeting@ctwg`, `2018-2022-review@ctwg`. Why the plan's period and the
   * deliverable's id: both stay the same when the plan is edited and rebuilt, so a calendar app
   * updates the event instead of adding a copy.
   */
  uid: string;
  /** The deliverable's text as the document prints it. */
  title: string;
  description: string;
  /** "Nha Trang, Viet Nam", or null when the plan names no place. */
  location: string | null;
  /** The first day, `YYYY-MM-DD`. */
  start: string;
  /** The day after the last day, `YYYY-MM-DD`: an all-day event's end is exclusive (RFC 5545, 3.6.1). */
  end: string;
  /** True when only the month is known or the event is marked `tbc`. */
  tentative: boolean;
  kind: Event["kind"];
}

/**
 * The calendar of a valid workplan: one event for each deliverable whose event has a date, in plan
 * order. Deliverables without an event, or whose date is not a real day, month or range (a draft's
 * TBD), have nothing to put in a calendar and are left out. `view` is the plan's view when the
 * caller has built it already.
 */
export function planCalendar(workplan: Workplan, view: WorkplanView = buildView(workplan)): CalendarEvent[] {
  return workplan.deliverables.flatMap((deliverable, index) => {
    const { event } = deliverable;
    const spec = event?.date === undefined ? undefined : parseDateSpec(event.date);
    if (!event || spec === undefined || typeof spec === "string") return [];
    const item = view.deliverables!.items[index]!;
    const row = view.plans?.rows.find((r) => r.id === deliverable.id);
    const { start, end } = daysOf(spec);
    const source = [view.meta.symbol, view.meta.title].filter(Boolean).join(", ");
    const description = [
      event.meetingNumber === undefined ? [] : [`${ordinal(event.meetingNumber)} ${workplan.forum} meeting.`],
      [`When: ${formatDateSpec(spec)}${spec.kind === "month" ? ", day not yet known" : ""}${event.tbc ? " (to be confirmed)" : ""}.`],
      row ? row.summary.map(blockText) : [],
      [`Source: ${source}, item ${itemName(workplan, index)}.`],
    ].flat();
    return [
      {
        uid: `${workplan.period.label}-${deliverable.id}@ctwg`,
        title: plainText(item.text),
        // Why through withoutInvisible: the forum, the item's label and the place come from the file, not the view.
        description: withoutInvisible(description.join("\n\n")),
        location: event.place ? withoutInvisible([event.place.city, event.place.economy].filter(Boolean).join(", ")) : null,
        start,
        end,
        tentative: event.tbc || spec.kind === "month",
        kind: event.kind,
      },
    ];
  });
}

/** The first day and the day after the last: a month runs from its 1st to the 1st of the next. */
function daysOf(spec: DateSpec): { start: string; end: string } {
  if (spec.kind === "month") return { start: isoDay(spec.year, spec.month, 1), end: isoDay(spec.year, spec.month + 1, 1) };
  const last = spec.kind === "range" ? spec.end : spec.start;
  return { start: isoDay(spec.start.year, spec.start.month, spec.start.day), end: isoDay(last.year, last.month, last.day + 1) };
}

/** `YYYY-MM-DD`; a day or month past the end carries into the next month or year. */
function isoDay(year: number, month: number, day: number): string {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // Why not Date.UTC: it reads years 0-99 as 1900-1999
  return date.toISOString().slice(0, 10);
}

/** A paragraph as its words, a bullet list as `- ` lines indented two spaces a level. */
function blockText(block: BlockView): string {
  return block.paragraph ? plainText(block.paragraph) : bulletLines(block.list ?? [], "").join("\n");
}

function bulletLines(items: readonly ListItemView[], indent: string): string[] {
  return items.flatMap((item) => [`${indent}- ${plainText(item.text)}`, ...bulletLines(item.items, `${indent}  `)]);
}
