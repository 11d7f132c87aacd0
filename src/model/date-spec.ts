/**
 * Date specs: a day `2017-02-28`, a month `2017-08`, or an ISO 8601 interval `2017-02-21/2017-02-22`.
 * Why strings and not YAML dates: YAML 1.2 keeps them as text, and one string can say "only the month
 * is known", which plans often do.
 */
export const DATE_SPEC_PATTERN = /^(?:\d{4}-\d{2}(?:-\d{2})?(?:\/\d{4}-\d{2}-\d{2})?|TBD)$/;

/** The placeholder a draft writes where a value is still to be decided (`ctwg new`); lint lists them. */
export const PLACEHOLDER = "TBD";

export type DateSpec =
  | { kind: "day"; start: CalendarDate }
  | { kind: "month"; year: number; month: number }
  | { kind: "range"; start: CalendarDate; end: CalendarDate };

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function parseDay(text: string): CalendarDate | string {
  const [year, month, day] = text.split("-").map(Number) as [number, number, number];
  if (month < 1 || month > 12) return `${text} has no month ${month}; months run from 01 to 12`;
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return `${text} does not exist: ${MONTHS[month - 1]} ${year} has ${last} days`;
  return { year, month, day };
}

/** Parses a spec that matches DATE_SPEC_PATTERN; returns a message when it names a day that does not exist. */
export function parseDateSpec(text: string): DateSpec | string {
  if (text === PLACEHOLDER) return "the date is still to be decided";
  const [first, second] = text.split("/") as [string, string | undefined];
  if (first.length === 7) {
    if (second !== undefined) return "a range runs from a day to a day, like 2017-02-21/2017-02-22";
    const [year, month] = first.split("-").map(Number) as [number, number];
    if (month < 1 || month > 12) return `${text} has no month ${month}; months run from 01 to 12`;
    return { kind: "month", year, month };
  }
  const start = parseDay(first);
  if (typeof start === "string") return start;
  if (second === undefined) return { kind: "day", start };
  const end = parseDay(second);
  if (typeof end === "string") return end;
  if (compareDates(end, start) <= 0) return `the range ends on or before it starts; write the earlier day first`;
  return { kind: "range", start, end };
}

/** The problem with a spec, or undefined when it names real days. */
export function checkDateSpec(text: string): string | undefined {
  if (text === PLACEHOLDER) return undefined;
  const parsed = parseDateSpec(text);
  return typeof parsed === "string" ? parsed : undefined;
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** "28 February 2017", "21-22 February 2017", "30 June-1 July 2017", "August 2017": APEC's way of writing dates. */
export function formatDateSpec(spec: DateSpec): string {
  if (spec.kind === "month") return `${MONTHS[spec.month - 1]} ${spec.year}`;
  const { start } = spec;
  if (spec.kind === "day") return `${start.day} ${MONTHS[start.month - 1]} ${start.year}`;
  const { end } = spec;
  if (start.year !== end.year) {
    return `${start.day} ${MONTHS[start.month - 1]} ${start.year}-${end.day} ${MONTHS[end.month - 1]} ${end.year}`;
  }
  if (start.month !== end.month) {
    return `${start.day} ${MONTHS[start.month - 1]}-${end.day} ${MONTHS[end.month - 1]} ${end.year}`;
  }
  return `${start.day}-${end.day} ${MONTHS[start.month - 1]} ${end.year}`;
}
