import { isAbsolute, relative, resolve } from "node:path";
import type { Place } from "../index.js";
import { UsageError } from "./usage-error.js";

/**
 * A written file's path as the user will want to type it: relative when it is below where the user
 * stands, or in the project the user stands in (`../out/2017/…` from workplans/), else absolute.
 */
export function shownPath(path: string, place: Place): string {
  const below = (folder: string, file: string) => {
    const rel = relative(folder, file);
    return !rel.startsWith("..") && !isAbsolute(rel);
  };
  const root = resolve(place.cwd, place.root);
  const file = resolve(place.cwd, path);
  if (below(place.cwd, file) || (below(root, place.cwd) && below(root, file))) return relative(place.cwd, file) || ".";
  return path;
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
