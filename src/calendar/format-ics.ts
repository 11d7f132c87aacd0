import { ICalCalendar, ICalEventStatus } from "ical-generator";
// Why the class and not the default export: the bundle requires the package, and its CommonJS build
// has the function under `default`, which an ES default import does not reach from there.
import { withoutInvisible } from "../model/invisible.js";
import type { CalendarEvent } from "./plan-calendar.js";

/** The PRODID of every calendar ctwg writes (RFC 5545, 3.7.3). */
export const PRODID = "-//ctwg//workplan calendar//EN";

/** What a calendar says beyond its events. */
export interface IcsOptions {
  /** The calendar's name, shown by calendar apps: "CTWG workplan 2017". */
  name: string;
  /** DTSTAMP of every event. Why given: a stamp taken from the clock would change the bytes on every build. */
  stamp: Date;
}

/**
 * An iCalendar (RFC 5545) file of all-day events: CRLF line endings, text escaped, lines folded at
 * 75 octets, ending in CRLF. ical-generator writes it; every value it would otherwise take from the
 * clock or a random source (DTSTAMP, UID) is given here, so the same events give the same bytes.
 * Text loses what the documents drop: a TEXT value holds no control character (RFC 5545, 3.3.11;
 * line feeds stay, for ical-generator to escape as `\n`). Why here as well as in planCalendar: the
 * calendar's name, and a caller's own events, pass through here alone.
 */
export function formatIcs(events: readonly CalendarEvent[], options: IcsOptions): string {
  const calendar = new ICalCalendar({ prodId: PRODID.replace(/^-/, ""), name: escapeText(withoutInvisible(options.name)) }); // it writes the "-" itself
  for (const event of events) {
    calendar.createEvent({
      id: event.uid,
      stamp: options.stamp,
      allDay: true,
      start: utcMidnight(event.start),
      end: utcMidnight(event.end),
      summary: withoutInvisible(event.title),
      description: withoutInvisible(event.description),
      ...(event.location === null ? {} : { location: withoutInvisible(event.location) }),
      categories: [{ name: event.kind.toUpperCase() }],
      status: event.tentative ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    });
  }
  // Why the CRLF: RFC 5545 ends every content line with one, END:VCALENDAR included; ical-generator stops short.
  return `${calendar.toString()}\r\n`;
}

/**
 * Escapes a TEXT value (RFC 5545, 3.3.11). Why here: ical-generator escapes event text but writes
 * the calendar's name as given.
 */
const escapeText = (text: string) => text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, "\\n");

/** Why UTC midnight: ical-generator writes an all-day date from a Date's UTC fields when no time zone is set. */
const utcMidnight = (day: string) => new Date(`${day}T00:00:00Z`);
