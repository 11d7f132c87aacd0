import { lstat, readdir, stat } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { CONFIG_FILE } from "../lint/config.js";
import { GLOSSARY_FILE } from "../load/lint-settings.js";
import { inProject, WORKPLANS_DIR } from "../load/project.js";

/** What a file that must not be written over is to ctwg. */
export type InputKind = "workplan" | "glossary" | "configuration";

/** A write ctwg refuses: `target` (as given) is `input`, a file it reads or keeps. */
export interface Overwrite {
  target: string;
  input: string;
  kind: InputKind;
}

/** A file's identity: its device and inode, the same whatever path, link or letter case reaches it. */
export interface FileIdentity {
  dev: bigint;
  ino: bigint;
}

/** Where a command reads, and what else it keeps. */
export interface SacredOptions {
  cwd: string;
  /** The project's root, whose workplans, glossary and configuration are kept (default: cwd). */
  root?: string | undefined;
  /** The configuration file given with --config (default: the project's ctwg.config.yaml). */
  configFile?: string;
  /** A workplan the command is asked to replace (`ctwg new --force`'s own plan), unless it reads it. */
  replaceable?: string;
}

/** The files a command keeps, by identity; `given` ones (its inputs and settings) are never replaceable. */
type SacredFiles = Map<string, { input: string; kind: InputKind; given: boolean }>;

const keyOf = (identity: FileIdentity) => `${identity.dev}:${identity.ino}`;

/** A plan's file name: a year or a span of years; lint reads the one of the year before beside a plan. */
const YEAR_FILE = /^\d{4}(?:-\d{4})?\.ya?ml$/;

/**
 * Every file no output may replace: the inputs given, the plans beside them that lint reads as the
 * year before, the configuration, and every YAML file in workplans/ (the plans and the glossary).
 * `given` marks those the command reads whatever it is asked.
 */
async function keptPaths(inputs: readonly string[], options: SacredOptions): Promise<{ file: string; given: boolean }[]> {
  // One read a folder, however many of the inputs are in it: a thousand plans in one folder are one folder.
  const folders = [...new Set(inputs.map((input) => dirname(input)))];
  const beside = await Promise.all(folders.map((folder) => yamlFiles(folder, options.cwd, YEAR_FILE)));
  const workplans = await yamlFiles(projectFile(options, WORKPLANS_DIR), options.cwd, /\.ya?ml$/);
  const glossary = projectFile(options, WORKPLANS_DIR, GLOSSARY_FILE);
  return [
    ...inputs.map((file) => ({ file, given: true })),
    ...beside.flat().map((file) => ({ file, given: false })),
    { file: options.configFile ?? projectFile(options, CONFIG_FILE), given: true },
    ...workplans.map((file) => ({ file, given: file === glossary })),
  ];
}

/**
 * The kept files by identity, both as a link and as what it points to, so no other spelling of a
 * path (`./`, a hard link, another case on macOS) gets past; less the one the command may replace.
 */
async function sacredFiles(inputs: readonly string[], options: SacredOptions): Promise<SacredFiles> {
  const sacred: SacredFiles = new Map();
  const seen = new Set<string>();
  for (const { file, given } of await keptPaths(inputs, options)) {
    // A path met again (an input that is also beside another) is the same file, met first as given.
    const path = resolve(options.cwd, file);
    if (seen.has(path)) continue;
    seen.add(path);
    for (const identity of await identitiesOf(path)) {
      if (!sacred.has(keyOf(identity))) sacred.set(keyOf(identity), { input: file, kind: kindOf(file, options), given });
    }
  }
  if (options.replaceable === undefined) return sacred;
  for (const identity of await identitiesOf(resolve(options.cwd, options.replaceable))) {
    if (sacred.get(keyOf(identity))?.given === false) sacred.delete(keyOf(identity));
  }
  return sacred;
}

/** What a kept file is, by its place: the glossary, the configuration, or a workplan. */
function kindOf(file: string, options: SacredOptions): InputKind {
  const at = (path: string) => relative(options.cwd, resolve(options.cwd, path));
  if (at(file) === at(options.configFile ?? projectFile(options, CONFIG_FILE))) return "configuration";
  return at(file) === at(projectFile(options, WORKPLANS_DIR, GLOSSARY_FILE)) ? "glossary" : "workplan";
}

/** One of the project's own files, as seen from where the command stands. */
const projectFile = (options: SacredOptions, ...parts: string[]) =>
  inProject({ cwd: options.cwd, root: options.root ?? options.cwd }, ...parts);

/** The YAML files of a folder whose names match, as paths beside the folder's; none when it cannot be read. */
async function yamlFiles(folder: string, cwd: string, name: RegExp): Promise<string[]> {
  const names = await readdir(resolve(cwd, folder)).catch(() => [] as string[]);
  return names
    .filter((entry) => name.test(entry))
    .sort()
    .map((entry) => join(folder, entry));
}

/** A path's identities: the link itself and the file it points to (one, for a plain file); none when absent or not a file (/dev/null). */
async function identitiesOf(path: string): Promise<FileIdentity[]> {
  const found = await Promise.all([
    lstat(path, { bigint: true }).catch(() => undefined),
    stat(path, { bigint: true }).catch(() => undefined),
  ]);
  return found.flatMap((stats) => (stats && (stats.isFile() || stats.isSymbolicLink()) ? [{ dev: stats.dev, ino: stats.ino }] : []));
}

/**
 * The first of `targets` that would replace an input, or undefined. A target is compared as the
 * rename that writes it would see it: a link is replaced as a link, so a link to a plan inside the
 * output folder is not the plan, but the plan's own path, however spelt, is.
 */
export async function overwrittenInput(
  targets: readonly string[],
  inputs: readonly string[],
  options: SacredOptions,
): Promise<Overwrite | undefined> {
  return (await keptFiles(inputs, options)).check(targets);
}

/** The files a run keeps, read once; then each plan's targets are checked against them. */
export interface KeptFiles {
  /** The first of `targets` that would replace a kept file, or undefined. */
  check(targets: readonly string[]): Promise<Overwrite | undefined>;
}

/**
 * Reads the kept files of a run once. Why: a build of many plans checks every plan's outputs
 * against every input; reading the inputs again for each plan made a thousand plans a million
 * reads. The kept files do not change while a run writes: outputs are never YAML.
 */
export async function keptFiles(inputs: readonly string[], options: SacredOptions): Promise<KeptFiles> {
  const sacred = await sacredFiles(inputs, options);
  return {
    async check(targets) {
      for (const target of targets) {
        const stats = await lstat(resolve(options.cwd, target), { bigint: true }).catch(() => undefined);
        const kept = stats && sacred.get(keyOf(stats));
        if (kept) return { target, input: kept.input, kind: kept.kind };
      }
      return undefined;
    },
  };
}

/**
 * The input standard output is, when the shell redirected it onto one (`ctwg lint 2017 > workplans/2017.yaml`).
 * Why this cannot save the file: the shell empties it before ctwg starts; all ctwg can do is
 * refuse to write there, before it writes, and say what happened.
 */
export async function stdoutOverwrites(
  stdout: FileIdentity | undefined,
  inputs: readonly string[],
  options: SacredOptions,
): Promise<Overwrite | undefined> {
  if (!stdout) return undefined;
  const kept = (await sacredFiles(inputs, options)).get(keyOf(stdout));
  return kept && { target: "standard output", input: kept.input, kind: kept.kind };
}
