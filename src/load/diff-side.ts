import { access } from "node:fs/promises";
import { isAbsolute, resolve } from "node:path";
import type { Diagnostic, Result } from "../diagnostics/diagnostic.js";
import { readSource } from "./read-source.js";
import type { Place } from "./project.js";
import { resolveInput } from "./resolve-inputs.js";

/** One side of a comparison: the text of a workplan, and how to name it. */
export interface DiffSide {
  /** "workplans/2017.yaml", "main:workplans/2017.yaml". */
  label: string;
  text: string;
}

/** Runs git. Why child_process is loaded here and not at the top: it costs every command's start-up, and only a side read from git needs it. */
async function run(
  command: string,
  args: string[],
  options: { cwd: string; maxBuffer: number; encoding: "utf8" },
): Promise<{ stdout: string }> {
  const { execFile } = await import("node:child_process");
  const { promisify } = await import("node:util");
  return promisify(execFile)(command, args, options);
}
const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * Reads one side of `ctwg diff`: a year (`2016`), a file, or a git revision with a year or path
 * (`main:2017`, `HEAD~1:workplans/2017.yaml`), read with `git show` so the working tree is untouched.
 * Why the year is tried first: "2017" is never a revision, and a path that exists wins over a
 * revision, as in git's own disambiguation. A year in a revision is the project's plan of that
 * year, found from where the user stands (git's `./` form); a path is git's, from the repository's top.
 */
export async function readDiffSide(spec: string, place: Place): Promise<Result<DiffSide>> {
  const { cwd } = place;
  const { file } = resolveInput(spec, place);
  const revision = /^([^:]+):(.+)$/.exec(spec);
  if (!revision || (await exists(resolve(cwd, spec)))) {
    const read = await readSource(file, cwd);
    return read.value === undefined
      ? { value: undefined, diagnostics: read.diagnostics }
      : { value: { label: file, text: read.value }, diagnostics: [] };
  }
  const [, rev, rest] = revision as unknown as [string, string, string];
  const year = resolveInput(rest, place);
  const path = year.file.replace(/\\/g, "/");
  const object = year.year !== undefined && !isAbsolute(path) ? `${rev}:./${path}` : `${rev}:${path}`;
  try {
    const { stdout } = await run("git", ["show", object], { cwd, maxBuffer: 16 * 1024 * 1024, encoding: "utf8" });
    return { value: { label: `${rev}:${path}`, text: stdout }, diagnostics: [] };
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? (error as Error).message)
      .trim()
      .split("\n")[0];
    const diagnostic: Diagnostic = {
      ruleId: "input/git",
      severity: "error",
      message: `git could not read ${rev}:${path}: ${stderr}`,
      file: `${rev}:${path}`,
      path: [],
      hint: "name a revision git knows (a branch, a tag, HEAD~1) and a path that exists in it",
    };
    return { value: undefined, diagnostics: [diagnostic] };
  }
}
