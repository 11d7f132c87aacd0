import { isAbsolute, relative } from "node:path";
import { UsageError } from "./usage-error.js";

/** A written file's path as the user will want to type it: relative below the working directory, else absolute. */
export function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel.startsWith("..") || isAbsolute(rel) ? path : rel;
}

/**
 * The reproducible-builds convention: SOURCE_DATE_EPOCH (whole seconds since 1970) replaces the date
 * stamped into outputs; without it the meeting date is used, so outputs never depend on the clock.
 */
export function sourceDateEpoch(value: string | undefined): Date | undefined {
  if (value === undefined || value === "") return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, found "${value}"`);
  return new Date(Number(value) * 1000);
}
