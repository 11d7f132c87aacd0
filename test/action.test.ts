import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "./support/workplan.js";

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  "working-directory"?: string;
}
interface Action {
  inputs: Record<string, { description: string; default: string }>;
  runs: { using: string; steps: Step[] };
}

const text = readFileSync(join(ROOT, "action.yml"), "utf8");
const action = parse(text) as Action;
const defaults = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default]));

/** `${{ inputs.x }}` and `${{ github.action_path }}` with their values; any other expression is a test failure. */
function expand(value: string, inputs: Record<string, string>): string {
  return value.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, name: string) => {
    if (name === "github.action_path") return ROOT;
    const input = /^inputs\.([\w-]+)$/.exec(name)?.[1];
    if (input === undefined || !(input in inputs)) throw new Error(`unknown expression ${name}`);
    return inputs[input]!;
  });
}

/** The `if:` forms the action uses: `inputs.x == 'true'`, joined by `&&`. */
function holds(condition: string | undefined, inputs: Record<string, string>): boolean {
  if (condition === undefined) return true;
  return condition.split("&&").every((part) => {
    const match = /^\s*inputs\.([\w-]+)\s*==\s*'([^']*)'\s*$/.exec(part);
    if (!match) throw new Error(`an if: this test cannot read: ${condition}`);
    return inputs[match[1]!] === match[2];
  });
}

/**
 * Runs the action's own shell steps as the runner would, in order, stopping at the first that
 * fails: each with its env and working directory; `uses:` steps are GitHub's and are skipped, and
 * so is the install (npm ci), which the suite has already run.
 */
function runAction(workspace: string, given: Record<string, string> = {}) {
  const inputs = { ...defaults, ...given };
  const summary = join(workspace, "summary.md");
  const output = join(workspace, "output.txt");
  writeFileSync(summary, "");
  writeFileSync(output, "");
  const ran: { name: string; status: number | null; stdout: string; stderr: string }[] = [];
  for (const step of action.runs.steps) {
    if (step.uses !== undefined || step.run === undefined || step.run.startsWith("npm ci") || !holds(step.if, inputs)) continue;
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v, inputs)]));
    const cwd = join(workspace, expand(step["working-directory"] ?? ".", inputs));
    const result = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.run], {
      cwd,
      encoding: "utf8",
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        GITHUB_ACTION_PATH: ROOT,
        GITHUB_STEP_SUMMARY: summary,
        GITHUB_OUTPUT: output,
        ...env,
      },
    });
    ran.push({ name: step.name ?? step.id ?? "", status: result.status, stdout: result.stdout, stderr: result.stderr });
    if (result.status !== 0) break;
  }
  return { ran, summary: readFileSync(summary, "utf8"), output: readFileSync(output, "utf8") };
}

describe("action.yml", () => {
  it("is a composite action whose every expression names a declared input", () => {
    expect(action.runs.using).toBe("composite");
    const used = new Set([...text.matchAll(/\$\{\{\s*inputs\.([\w-]+)/g), ...text.matchAll(/\binputs\.([\w-]+)\s*==/g)].map((m) => m[1]!));
    expect([...used].sort()).toEqual(Object.keys(action.inputs).sort());
    for (const input of Object.values(action.inputs)) expect(input.description).toBeTruthy();
  });

  it("splices no expression into a script: inputs reach the shell through the environment", () => {
    for (const step of action.runs.steps) if (step.run !== undefined) expect(step.run, step.name).not.toContain("${{");
  });

  it("installs ctwg from its own checkout, which builds it", () => {
    const install = action.runs.steps.find((s) => s.run?.startsWith("npm ci"));
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, as the action file writes it
    expect(install?.["working-directory"]).toBe("${{ github.action_path }}");
    expect(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts.prepare).toContain("bundle");
    expect(existsSync(join(ROOT, "dist", "bundle", "ctwg.cjs"))).toBe(true);
  });

  it("is what this repository's own workflow uses", () => {
    const workflow = parse(readFileSync(join(ROOT, ".github", "workflows", "workplans.yml"), "utf8")) as {
      jobs: Record<string, { steps: { uses?: string }[] }>;
    };
    expect(Object.values(workflow.jobs).flatMap((job) => job.steps.map((s) => s.uses))).toContain("./");
  });
});

describe("the action's steps, run as the runner runs them", () => {
  let workspace: string;
  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), "ctwg-action-"));
    mkdirSync(join(workspace, "workplans"));
    for (const name of ["2017.yaml", "glossary.yaml"]) copyFileSync(join(ROOT, "workplans", name), join(workspace, "workplans", name));
  });
  afterEach(() => rmSync(workspace, { recursive: true, force: true }));

  it("lints with annotations and a summary, then builds every document", () => {
    const { ran, summary, output } = runAction(workspace);
    expect(ran.map((r) => [r.name, r.status])).toEqual([
      ["Lint the work plans", 0],
      ["Build the documents", 0],
    ]);
    expect(ran[0]!.stdout.match(/^::warning file=workplans\/2017\.yaml,line=\d+/gm)).toHaveLength(8);
    expect(summary).toContain("|");
    expect(
      readdirSync(join(workspace, "out", "2017"))
        .map((f) => f.split(".").pop())
        .sort(),
    ).toEqual(["docx", "html", "md", "pdf"]);
    expect(output).toBe("out=out\n");
  });

  it("fails the lint step on warnings with fail-on: warning, and builds nothing", () => {
    const { ran } = runAction(workspace, { "fail-on": "warning" });
    expect(ran.map((r) => [r.name, r.status])).toEqual([["Lint the work plans", 1]]);
    expect(existsSync(join(workspace, "out"))).toBe(false);
  });

  it("takes the plans and formats given, and reads a hostile value as arguments, never as shell", () => {
    const { ran } = runAction(workspace, { plans: "2017", formats: "md" });
    expect(ran.every((r) => r.status === 0)).toBe(true);
    expect(readdirSync(join(workspace, "out", "2017"))).toEqual(["2017_som1_sce-cow_002.md"]);

    const hostile = runAction(workspace, { plans: "2017; touch pwned $(touch pwned2) `touch pwned3` *" });
    expect(hostile.ran[0]!.status).not.toBe(0);
    expect(hostile.ran[0]!.stdout + hostile.ran[0]!.stderr).toContain("pwned");
    expect(readdirSync(workspace).filter((f) => f.startsWith("pwned"))).toEqual([]);
  });
});
