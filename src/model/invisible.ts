/**
 * Characters that print nothing yet change how text reads: direction overrides and isolates (which
 * can make a sentence display in another order than it is written), zero-width spaces and marks,
 * and a stray byte-order mark. Joiners (U+200C, U+200D) are left alone: some scripts need them.
 */
export const INVISIBLE_CHARACTERS = /[\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

/**
 * Runs of control characters: C0 but tab and line feed, DEL, and C1. Why a carriage return too:
 * YAML folds a CRLF line end, so a CR left inside a value was escaped or pasted in, and a terminal
 * showing the Markdown would move its cursor back over the line. Why at all: ESC starts terminal
 * sequences, BEL rings, and XML cannot carry them. Why runs: a run is one finding and one fix.
 */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]+/g;

/** Control characters that break a line or a page (CR, VT, FF, NEL). */
const BREAKING_CONTROLS = /[\r\v\f\u0085]/;

/**
 * What the documents print for the run of control characters at `offset` in `text`: one space when
 * it breaks a line between two words, so they stay apart; else nothing (a space beside it already
 * parts them). Its arguments are those `String.replace` passes.
 */
export function printedControl(run: string, offset: number, text: string): string {
  if (!BREAKING_CONTROLS.test(run)) return "";
  const before = text[offset - 1];
  const after = text[offset + run.length];
  return before === undefined || after === undefined || /\s/.test(before) || /\s/.test(after) ? "" : " ";
}

/** Text as the documents print it: without invisible characters, and control characters dropped (or a space). */
export const withoutInvisible = (text: string) => text.replace(INVISIBLE_CHARACTERS, "").replace(CONTROL_CHARACTERS, printedControl);
