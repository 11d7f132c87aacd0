import { findProjectRoot, type Place, type RootMarker } from "../index.js";
import type { Io } from "./io.js";
import { UsageError } from "./usage-error.js";

/** Where a command stands, and what made its root the project's. */
export interface CommandPlace extends Place {
  marker: RootMarker | undefined;
}

/**
 * The project the user stands in: the root given with --root, or the nearest folder upward with
 * ctwg.config.yaml or workplans/. Every command asks here, so a year means the same file wherever
 * in the project it is typed.
 */
export function placeFor(io: Io, rootOption: string | undefined): CommandPlace {
  const found = findProjectRoot(io.cwd, rootOption);
  if (found.problem !== undefined) throw new UsageError(`${found.problem}; give the folder that holds ctwg.config.yaml or workplans/`);
  return { cwd: io.cwd, root: found.root, marker: found.marker };
}
