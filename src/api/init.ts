import { readFileSync } from "node:fs";
import { basename, isAbsolute, join, relative, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { createFile } from "../emit/write-artifacts.js";
import { firstPlan } from "../init/first-plan.js";
import { projectFiles } from "../init/project-files.js";
import { starterGlossary } from "../init/starter-glossary.js";
import { BUILT_IN_PROFILES } from "../model/document-shape.js";
import { parseGlossary } from "../model/glossary.js";
import { listWorkplans } from "../load/resolve-inputs.js";
import { PACKAGE_ROOT } from "../package-root.js";
import { check, isValid } from "./check.js";
import { workplanSchema } from "./schema.js";

export interface InitOptions {
  cwd?: string;
  /** The forum's acronym (default: CTWG, whose glossary and layout ctwg carries). */
  forum?: string;
  /** The forum's full name; for the CTWG, its glossary's. */
  forumName?: string;
  /** The first plan's year (default: this year). */
  year?: number;
  /** An existing plan to start from instead of the template, copied as it is. */
  from?: string;
}

/** What starting a project did: each file created or kept (as shown from cwd), or why nothing was. */
export interface InitReport {
  /** The new project's root, as shown from cwd. */
  root: string;
  created: { file: string; purpose: string }[];
  /** Files that were there already: never replaced. */
  kept: { file: string; purpose: string }[];
  /** The first plan (or the newest the project has), its year or period, and whether it is the template. */
  plan: { file: string; period: string; template: boolean } | undefined;
  /** Why the plan given with `from` cannot start a project. */
  diagnostics: Diagnostic[];
  refused?: "from-has-errors" | "forum-name-unknown";
}

/** The forum whose glossary ships with ctwg, for a project started with no forum named. */
const DEFAULT_FORUM = "CTWG";

/**
 * Starts a project in `folder`: the configuration with the forum's profile, the glossary, a first
 * plan (from the template, or a copy of `from`), the JSON Schema and editor settings, the
 * pull-request workflow and a .gitignore. A file that exists is kept, never replaced, so running it
 * again in a project adds only what is missing.
 */
export async function initProject(folder: string, options: InitOptions = {}): Promise<InitReport> {
  const cwd = options.cwd ?? process.cwd();
  const root = resolve(cwd, folder);
  // The project is where the user is or below it: its files are named from there.
  const shown = (...parts: string[]) => {
    const path = relative(cwd, join(root, ...parts));
    return path.startsWith("..") || isAbsolute(path) ? join(root, ...parts) : path || ".";
  };
  const report: InitReport = { root: shown(), created: [], kept: [], plan: undefined, diagnostics: [] };

  let plan: { period: string; text: string; forum: string } | undefined;
  if (options.from !== undefined) {
    const from = await check(options.from, { cwd });
    if (!isValid(from))
      return { ...report, diagnostics: from.diagnostics.filter((d) => d.severity === "error"), refused: "from-has-errors" };
    plan = { period: from.workplan.period.label, text: from.text, forum: from.workplan.forum };
  }
  const forum = plan?.forum ?? options.forum ?? DEFAULT_FORUM;
  const shipped = forum === DEFAULT_FORUM ? readFileSync(join(PACKAGE_ROOT, "workplans", "glossary.yaml"), "utf8") : undefined;
  const forumName = options.forumName ?? (shipped ? parseGlossary(shipped, "glossary.yaml").value?.acronyms.get(forum) : undefined);
  if (forumName === undefined) return { ...report, refused: "forum-name-unknown" };
  const year = options.year ?? new Date().getUTCFullYear();
  // A project that has plans gets no template beside them: init there only adds what is missing.
  const existing = (await listWorkplans({ cwd: root, root })).at(-1);
  const template = options.from === undefined && existing === undefined;
  if (template) plan = { period: String(year), text: firstPlan({ forum, forumName, year }), forum };

  const files = projectFiles({
    forum,
    forumName,
    keywords: BUILT_IN_PROFILES[forum.toLowerCase()]?.keywords ?? [],
    firstPlan: plan,
    glossary: shipped ?? starterGlossary(forum, forumName),
    schema: await workplanSchema(),
    action: actionOf(JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as Manifest),
  });
  for (const file of files) {
    const made = await createFile(join(root, file.path), file.text, { cwd });
    (made ? report.created : report.kept).push({ file: shown(file.path), purpose: file.purpose });
  }
  // Without a plan of its own to write, the project has one already: the newest is the one to build.
  const name = plan ? undefined : basename(existing ?? "");
  const period = plan?.period ?? (name ?? "").replace(/\.ya?ml$/, "");
  report.plan = { file: shown("workplans", name ?? `${period}.yaml`), period, template };
  return report;
}

interface Manifest {
  version: string;
  repository?: string | { url?: string };
}

/**
 * The Action a new project's workflow uses: this package's repository, at the tag of its major
 * version (`owner/ctwg@v0`), so a project gets fixes without breaking changes.
 */
export function actionOf(manifest: Manifest): string {
  const url = typeof manifest.repository === "string" ? manifest.repository : (manifest.repository?.url ?? "");
  const slug = /github(?:\.com)?[:/]([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(url)?.[1];
  if (slug === undefined) throw new Error(`package.json's repository (${url || "none"}) names no GitHub repository`);
  return `${slug}@v${manifest.version.split(".")[0]}`;
}
