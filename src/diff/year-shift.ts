import type { Workplan } from "../model/schema.js";

import { ordinal } from "../model/ordinal.js";
import type { WordEdit } from "./change.js";
import { wordDiff } from "./word-diff.js";

export { ordinal };

/**
 * Rewrites the older plan's text in the newer plan's numbering, so that what is expected to move
 * from one year to the next does not count as a change: the plan's year and the year before it
 * ("In 2016, APEC Leaders…" becomes "In 2017, …"), and working-group meeting ordinals, which run on
 * across years (the 9th meeting of 2017 is matched with the 11th of 2018).
 */
export function yearShift(before: Workplan, after: Workplan): (text: string) => string {
  const delta = after.year - before.year;
  if (delta === 0) return (text) => text;
  const meetingsBefore = meetingNumbers(before);
  const meetingsAfter = meetingNumbers(after);
  const meetingDelta = meetingsBefore.length && meetingsAfter.length ? meetingsAfter[0]! - meetingsBefore[0]! : meetingsBefore.length;
  const years = new Set([before.year, before.year - 1]);
  const meetings = new Set(meetingsBefore);
  return (text) =>
    text
      .replace(/\b\d{4}\b/g, (year) => (years.has(Number(year)) ? String(Number(year) + delta) : year))
      .replace(/\b(\d+)\s?(?:st|nd|rd|th)\b/g, (written, n: string) =>
        meetings.has(Number(n)) ? ordinal(Number(n) + meetingDelta) : written,
      );
}

function meetingNumbers(workplan: Workplan): number[] {
  return workplan.deliverables.flatMap((d) =>
    d.event?.kind === "meeting" && d.event.meetingNumber !== undefined ? [d.event.meetingNumber] : [],
  );
}

/**
 * Whether two texts differ only by what the year shift expects to move: every changed word of the
 * older text, shifted, is the word that replaced it. Why word by word: "In 2016, … Strategy
 * 2013-2017" a year later reads "In 2017, … Strategy 2013-2017"; shifting the whole older text would
 * also move the 2017 that stayed, and call an unchanged sentence changed.
 */
export function differsOnlyByShift(shift: (text: string) => string, edits: readonly WordEdit[]): boolean {
  for (let i = 0; i < edits.length; i++) {
    const edit = edits[i]!;
    if (edit.op === "equal") continue;
    const next = edits[i + 1];
    if (!next || next.op === "equal" || next.op === edit.op) return false;
    const [removed, added] = edit.op === "delete" ? [edit.text, next.text] : [next.text, edit.text];
    if (shift(removed).trim() !== added.trim()) return false;
    i++;
  }
  return true;
}

/**
 * Whether the newer text says the same as the older one: the same words (spacing aside), or words
 * that differ only where the year shift expects them to. Shared by the diff and the redline, so
 * both call the same texts unchanged.
 */
export function sameButForYear(before: string, after: string, shift: (text: string) => string): boolean {
  const [a, b] = [squash(before), squash(after)];
  return a === b || squash(shift(a)) === b || differsOnlyByShift(shift, wordDiff(a, b));
}

const squash = (text: string) => text.replace(/\s+/g, " ").trim();
