import { formatDateSpec, MONTHS, parseDateSpec } from "../model/date-spec.js";
import { withoutInvisible } from "../model/invisible.js";
import { ordinal } from "../model/ordinal.js";
import { itemLabels } from "../model/labels.js";
import type { Workplan } from "../model/schema.js";

/**
 * The plan's meetings and workshops on one line of months (one column a year, for a plan of several
 * years), laid out once for every format: the SVG of the HTML and the vector drawing of the PDF
 * print the same boxes at the same places. Units are points; formats scale the whole figure to
 * their width.
 */
export interface TimelineView {
  width: number;
  height: number;
  caption: string;
  /** One sentence for screen readers: every event and its date. */
  description: string;
  /** The columns behind the bars: the twelve months of a one-year plan, or the years of a longer period. */
  months: { label: string; x: number; width: number }[];
  events: TimelineEvent[];
}

export interface TimelineEvent {
  label: string;
  /** The bar: a day, a range of days, or the whole month when only the month is known. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** To be confirmed, or known only to the month: drawn dashed and pale. */
  tentative: boolean;
  labelX: number;
  labelY: number;
}

export const TIMELINE_WIDTH = 480;
const HEADER = 18;
const LANE = 22;
const BAR = 8;
/** The narrowest bar: a single day is drawn this wide, so it can be seen. */
const MIN_BAR = 4;
const LABEL_SIZE = 7.5;
/** A rough width of label text at LABEL_SIZE: enough to keep labels in one lane from overlapping. */
const labelWidth = (text: string) => text.length * LABEL_SIZE * 0.52;

/**
 * The timeline of a plan's dated events, or null when none has a date. Why a column a year for a
 * period: five years of months would be sixty columns too narrow to read, and a strategic plan
 * schedules by the year.
 */
export function buildTimeline(workplan: Workplan): TimelineView | null {
  const { period } = workplan;
  const years = period.end - period.start + 1;
  const month = TIMELINE_WIDTH / (12 * years);
  const labels = itemLabels(workplan);
  const clamp = (x: number) => Math.min(Math.max(x, 0), TIMELINE_WIDTH);
  const monthX = (year: number, m: number) => ((year - period.start) * 12 + (m - 1)) * month;
  const dayX = (d: { year: number; month: number; day: number }) => {
    if (d.year < period.start) return 0;
    if (d.year > period.end) return TIMELINE_WIDTH;
    const days = new Date(Date.UTC(d.year, d.month, 0)).getUTCDate();
    return monthX(d.year, d.month) + ((d.day - 1) / days) * month;
  };
  const dated = workplan.deliverables.flatMap((deliverable, i) => {
    const event = deliverable.event;
    const date = event?.date ? parseDateSpec(event.date) : undefined;
    if (!event || !date || typeof date === "string") return [];
    const [start, end] =
      date.kind === "month"
        ? [clamp(monthX(date.year, date.month)), clamp(monthX(date.year, date.month) + month)]
        : date.kind === "day"
          ? [dayX(date.start), dayX(date.start) + month / 15]
          : [dayX(date.start), dayX(date.end) + month / 30];
    const place = event.place?.city ?? event.place?.economy;
    const kind = event.meetingNumber !== undefined ? `${ordinal(event.meetingNumber)} ${workplan.forum} meeting` : capitalise(event.kind);
    const label = withoutInvisible(`${labels[i] ? `${labels[i]} ` : ""}${kind}${place ? `, ${place}` : ""}${event.tbc ? " (tbc)" : ""}`);
    // Every bar stays inside the figure, one at the very end included.
    const left = Math.min(start, TIMELINE_WIDTH - MIN_BAR);
    return [
      {
        start: left,
        width: Math.max(Math.min(end, TIMELINE_WIDTH) - left, MIN_BAR),
        label,
        tentative: event.tbc || date.kind === "month",
        when: formatDateSpec(date),
      },
    ];
  });
  if (dated.length === 0) return null;

  // Lanes: each event takes the first lane where its bar and label clear the one before.
  const laneEnds: number[] = [];
  const events: TimelineEvent[] = dated
    .sort((a, b) => a.start - b.start)
    .map((event) => {
      const labelX = Math.min(event.start, TIMELINE_WIDTH - labelWidth(event.label));
      const right = Math.max(event.start + event.width, labelX + labelWidth(event.label));
      let lane = laneEnds.findIndex((end) => end + 6 <= Math.min(event.start, labelX));
      if (lane === -1) lane = laneEnds.push(0) - 1;
      laneEnds[lane] = right;
      const y = HEADER + 6 + lane * LANE;
      return {
        label: event.label,
        x: round(event.start),
        y,
        width: round(event.width),
        height: BAR,
        tentative: event.tentative,
        labelX: round(labelX),
        labelY: y + BAR + LABEL_SIZE + 1,
      };
    });
  return {
    width: TIMELINE_WIDTH,
    height: HEADER + 6 + laneEnds.length * LANE + 4,
    caption: `Meetings and workshops in ${period.label}; dashed: to be confirmed or known only to the month.`,
    description: dated.map((event) => `${event.label}: ${event.when}`).join("; "),
    months:
      years === 1
        ? MONTHS.map((name, i) => ({ label: name.slice(0, 3), x: i * month, width: month }))
        : Array.from({ length: years }, (_, i) => ({
            label: String(period.start + i),
            x: round(i * 12 * month),
            width: round(12 * month),
          })),
    events,
  };
}

/** Two decimals are finer than any printer; more would only make the SVG longer. */
const round = (n: number) => Math.round(n * 100) / 100;
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
