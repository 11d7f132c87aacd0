import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { WorkplanDiff } from "../diff/change.js";
import { rewriteFile } from "../emit/write-artifacts.js";
import { applyEdits } from "../lint/fix.js";
import type { LintSettings } from "../load/lint-settings.js";
import { placeOf } from "../load/project.js";
import { resolveInput } from "../load/resolve-inputs.js";
import { compileWorkplan, isValid } from "./check.js";
import { build } from "./build.js";
import { lint } from "./lint.js";
import type { FieldEdit } from "../import/yaml-edits.js";

export interface ImportOptions {
  cwd?: string;
  /** The project's root, whose workplans folder holds the plan a Word file names by its year (default: cwd). */
  root?: string;
  settings?: Pick<LintSettings, "config" | "glossary">;
  /** The workplan the Word file is of: a year or a path; default the one the file names (workplans/<period>.yaml). */
  workplan?: string;
  /** Apply the edits to the workplan file, in place. */
  write?: boolean;
  /** Whether the Word file was built with the timeline (`--no-timeline` left it out). */
  timeline?: boolean;
}

export interface ImportReport {
  /** The Word file, as given. */
  docx: string;
  /** The workplan the edits are for; undefined when the Word file could not be read. */
  file: string | undefined;
  /** The workplan's text now, for formatters that show positions in it. */
  diagnostics: Diagnostic[];
  /** The strings the Word file changes. */
  edits: FieldEdit[];
  /** What the edits change, as `ctwg diff` shows it; undefined when there is none. */
  diff: WorkplanDiff | undefined;
  written: boolean;
}

/**
 * Carries edits made in Word back to the workplan: reads the Word file safely, builds the Word file
 * the plan gives now and compares the two through the bookmarks the build left, turns each changed
 * string into edits of only its words, and checks the plan still compiles. With `write`, the file
 * is rewritten atomically, as `lint --fix` does; what cannot be carried back is reported, and the
 * rest is still applied.
 */
export async function importDocx(docx: string, options: ImportOptions = {}): Promise<ImportReport> {
  const cwd = options.cwd ?? process.cwd();
  const fail = (message: string, hint: string, file?: string): ImportReport => ({
    docx,
    file,
    diagnostics: [{ ruleId: "import/unreadable", severity: "error", message, hint, file: docx, path: [] }],
    edits: [],
    diff: undefined,
    written: false,
  });
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(resolve(cwd, docx)));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(
      `${docx} cannot be read (${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : (code ?? "unknown error")})`,
      "give the path of a .docx that ctwg build wrote",
    );
  }
  const [{ readDocx }, { importEdits }, { yamlEdits }] = await Promise.all([
    import("../import/read-docx.js"),
    import("../import/import-edits.js"),
    import("../import/yaml-edits.js"),
  ]);
  const read = readDocx(bytes);
  if (!read.ok) return fail(`${docx} ${read.problem.message}`, read.problem.hint);
  const user = read.document;
  const period = user.customProperties.get("ctwg.period");
  if (period === undefined)
    return fail(
      `${docx} was not written by ctwg: it has none of the marks ctwg build leaves to find each text's place in the workplan`,
      "build the Word file with `ctwg build --format docx`, edit that one, and import it",
    );
  const target = options.workplan ?? period;
  const file = resolveInput(target, placeOf({ cwd, root: options.root })).file;

  const report = await lint(file, { cwd, ...(options.settings && { settings: options.settings }) });
  const base = { docx, file, edits: [], diff: undefined, written: false };
  if (!isValid(report)) return { ...base, diagnostics: report.diagnostics.filter((d) => d.severity === "error") };
  const built = await build(file, {
    cwd,
    formats: ["docx"],
    write: false,
    timeline: options.timeline ?? true,
    ...(options.settings && { settings: options.settings }),
  });
  const [written] = built.artifacts;
  if (!written) throw new Error("ctwg did not render the Word file to compare with");
  const fresh = readDocx(written.bytes);
  if (!fresh.ok) throw new Error(`ctwg cannot read the Word file it wrote: ${fresh.problem.message}`);
  const stamp = user.customProperties.get("ctwg.fingerprint");
  if (stamp !== undefined && stamp !== fresh.document.customProperties.get("ctwg.fingerprint")) {
    return {
      ...base,
      diagnostics: [
        {
          ruleId: "import/stale",
          severity: "error",
          message: `${docx} was built from ${file} as it was before a change: its texts are not the plan's texts now, so its differences would undo that change`,
          hint: `import it into the plan as it was when the Word file was built (git checkout that version of ${file}), or build the Word file again and redo the edits`,
          file: docx,
          path: [],
        },
      ],
    };
  }

  const found = importEdits(user, fresh.document, report.source, docx);
  const { edits, failed } = yamlEdits(report.source, found.edits);
  const diagnostics = [...found.diagnostics];
  for (const field of failed)
    diagnostics.push({
      ruleId: "import/unwritable",
      severity: "error",
      message: `the new text of ${field.path.join(".")} cannot be written into ${file}`,
      hint: "edit the YAML by hand",
      file: docx,
      path: field.path,
    });
  if (found.edits.length === 0 || edits.length === 0) return { ...base, diagnostics };
  const text = applyEdits(report.text, edits).text;
  const after = compileWorkplan(text, file, options.settings);
  if (!after.workplan || hasErrors(after.diagnostics)) {
    return {
      ...base,
      diagnostics: [
        ...diagnostics,
        ...after.diagnostics
          .filter((d) => d.severity === "error")
          .map((d) => ({ ...d, message: `with the Word file's edits, ${d.message}` })),
      ],
    };
  }
  const { diffWorkplans } = await import("../diff/diff-workplans.js");
  const diff = diffWorkplans(report.workplan, after.workplan, { beforeLabel: file, afterLabel: docx });
  if (options.write) await rewriteFile(resolve(cwd, file), text, { cwd });
  return { docx, file, diagnostics, edits: found.edits, diff, written: Boolean(options.write) };
}
