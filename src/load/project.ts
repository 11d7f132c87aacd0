import { statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { CONFIG_FILE } from "../lint/config.js";

/** The folder, in a project's root, that holds one YAML file a year. */
export const WORKPLANS_DIR = "workplans";

/** The folder, in a project's root, that the documents are written to unless told otherwise. */
export const OUT_DIR = "out";

/**
 * Where a command stands. Paths the user types are read from `cwd` and printed relative to it, as
 * git and ESLint do; the project's own files (the years in workplans/, the configuration, the
 * glossary, the default output folder) are under `root`, wherever in the project the user stands.
 */
export interface Place {
  cwd: string;
  root: string;
}

/** What made a folder a project's root: its configuration file, its workplans folder, or --root. */
export type RootMarker = "config" | "workplans" | "given";

export interface ProjectRoot {
  root: string;
  /** Undefined when no folder upward is a project: the working directory stands in for the root. */
  marker: RootMarker | undefined;
  /** Why the root given cannot be one (it is not a folder); the working directory stands in. */
  problem?: string;
}

const isFolder = (path: string) => statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
const isFile = (path: string) => statSync(path, { throwIfNoEntry: false })?.isFile() === true;

/**
 * The project a folder is in: the nearest folder upward holding ctwg.config.yaml or a workplans/
 * folder, as git looks for .git. Why the nearest with either, not the nearest configuration first:
 * a project may have no configuration, and one nested in another (an example inside this
 * repository) is its own project. Outside any project the folder itself stands in, so a lone file
 * still lints, without a glossary. A root given (--root, from `start`) is taken as it is.
 */
export function findProjectRoot(start: string, given?: string): ProjectRoot {
  if (given !== undefined) {
    const root = resolve(start, given);
    if (isFolder(root)) return { root, marker: "given" };
    const exists = statSync(root, { throwIfNoEntry: false }) !== undefined;
    return { root: resolve(start), marker: undefined, problem: `--root ${given} ${exists ? "is not a folder" : "does not exist"}` };
  }
  let folder = resolve(start);
  for (;;) {
    if (isFile(join(folder, CONFIG_FILE))) return { root: folder, marker: "config" };
    if (isFolder(join(folder, WORKPLANS_DIR))) return { root: folder, marker: "workplans" };
    const parent = dirname(folder);
    if (parent === folder) return { root: resolve(start), marker: undefined };
    folder = parent;
  }
}

/** The place an API call's options name; without a root, the working directory is the project's root. */
export function placeOf(options: { cwd?: string | undefined; root?: string | undefined }): Place {
  const cwd = options.cwd ?? process.cwd();
  return { cwd, root: options.root ?? cwd };
}

/**
 * A file of the project, as the user standing in `cwd` would type it: `workplans/2017.yaml` from
 * the root, `2017.yaml` from workplans/, `../ctwg.config.yaml` from a subfolder. Absolute when the
 * user stands outside the project (--root elsewhere), where a path of `../../..` helps nobody.
 */
export function inProject(place: Place, ...parts: string[]): string {
  const cwd = resolve(place.cwd);
  const root = resolve(cwd, place.root);
  const target = join(root, ...parts);
  const inside = relative(root, cwd);
  if (inside.startsWith("..") || isAbsolute(inside)) return target;
  return relative(cwd, target) || ".";
}
