import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { actionOf } from "../../src/api/init.js";
import { createFile } from "../../src/emit/write-artifacts.js";
import { yamlScalar } from "../../src/init/yaml-scalar.js";
import { runCli } from "../support/cli.js";
import { ROOT } from "../support/workplan.js";

let cwd: string;
beforeEach(() => (cwd = mkdtempSync(join(tmpdir(), "ctwg-init-"))));
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

const PROJECT_FILES = [
  "ctwg.config.yaml",
  "workplans/glossary.yaml",
  "workplans/2027.yaml",
  "workplans/workplan.schema.json",
  ".github/workflows/workplans.yml",
  ".vscode/settings.json",
  ".vscode/extensions.json",
  ".gitignore",
];

const read = (path: string) => readFileSync(join(cwd, path), "utf8");

describe("ctwg init", () => {
  it("starts a project in an empty folder that lints clean and builds at once", async () => {
    const init = await runCli(["init", "--year", "2027"], cwd);
    expect(init.code).toBe(0);
    for (const file of PROJECT_FILES) expect(init.stdout).toContain(`✓ created ${file} `);
    expect(init.stdout).toContain("Next: edit workplans/2027.yaml");
    for (const file of PROJECT_FILES) expect(existsSync(join(cwd, file)), file).toBe(true);

    const lint = await runCli(["lint", "--format", "json"], cwd);
    expect(lint.code).toBe(0);
    expect(JSON.parse(lint.stdout)).toEqual([]);
    expect(lint.stderr).toBe("");

    const build = await runCli(["build", "2027"], cwd);
    expect(build.code).toBe(0);
    expect(readdirSync(join(cwd, "out", "2027")).sort()).toEqual(["ctwg_2027.docx", "ctwg_2027.html", "ctwg_2027.md", "ctwg_2027.pdf"]);
    const markdown = read("out/2027/ctwg_2027.md");
    expect(markdown).toContain("Counter-Terrorism Working Group Work Plan for 2027");
    for (const area of ["Secure Supply Chains", "Secure Travel", "Secure Finance", "Secure Infrastructure"])
      expect(markdown).toContain(area);
  });

  it("writes the CTWG's own glossary, the schema ctwg prints, and editor settings that point at it", async () => {
    await runCli(["init", "--year", "2027"], cwd);
    expect(read("workplans/glossary.yaml")).toBe(readFileSync(join(ROOT, "workplans", "glossary.yaml"), "utf8"));
    expect(read("workplans/workplan.schema.json")).toBe((await runCli(["schema"], cwd)).stdout);
    const settings = JSON.parse(read(".vscode/settings.json")) as { "yaml.schemas": Record<string, string[]> };
    const [schemaPath, globs] = Object.entries(settings["yaml.schemas"])[0]!;
    expect(existsSync(join(cwd, schemaPath))).toBe(true);
    expect(globs).toContain("workplans/[0-9][0-9][0-9][0-9].yaml");
    expect(read("workplans/2027.yaml").split("\n")[0]).toBe("# yaml-language-server: $schema=./workplan.schema.json");
    expect(read(".gitignore")).toMatch(/^out\/$/m);
  });

  it("writes a workflow that uses this repository's Action, at its major version", async () => {
    await runCli(["init", "--year", "2027"], cwd);
    const workflow = parse(read(".github/workflows/workplans.yml")) as {
      on: Record<string, unknown>;
      jobs: Record<string, { steps: { uses?: string }[] }>;
    };
    expect(Object.keys(workflow.on)).toEqual(["pull_request", "push"]);
    const steps = Object.values(workflow.jobs)[0]!.steps;
    const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(steps.map((s) => s.uses)).toEqual(["actions/checkout@v4", actionOf(manifest)]);
    expect(existsSync(join(ROOT, "action.yml"))).toBe(true);
  });

  it("never replaces a file: run again, it keeps everything; in a folder with files, it keeps those", async () => {
    writeFileSync(join(cwd, ".gitignore"), "mine\n");
    const first = await runCli(["init", "--year", "2027"], cwd);
    expect(first.stdout).toContain("= kept    .gitignore ");
    expect(read(".gitignore")).toBe("mine\n");
    const before = PROJECT_FILES.map((f) => [read(f), statSync(join(cwd, f)).mtimeMs]);
    // A project that has plans gets no template beside them, whatever year is asked.
    const again = await runCli(["init", "--year", "2028"], cwd);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain("created");
    expect(again.stdout).toContain("Next: `ctwg lint` checks the plan and `ctwg build 2027` writes its documents.");
    expect(existsSync(join(cwd, "workplans", "2028.yaml"))).toBe(false);
    expect(PROJECT_FILES.map((f) => [read(f), statSync(join(cwd, f)).mtimeMs])).toEqual(before);
  });

  it("starts another forum's project with its profile and glossary, in a folder it names", async () => {
    const init = await runCli(
      ["init", "ppwe", "--forum", "PPWE", "--forum-name", "Policy Partnership on Women and the Economy", "--year", "2027"],
      cwd,
    );
    expect(init.code).toBe(0);
    expect(init.stdout).toContain("✓ created ppwe/ctwg.config.yaml ");
    expect(init.stdout).toContain("`cd ppwe && ctwg lint`");
    const config = parse(readFileSync(join(cwd, "ppwe", "ctwg.config.yaml"), "utf8"));
    expect(config.profiles).toEqual({ ppwe: { forumName: "Policy Partnership on Women and the Economy", keywords: [] } });
    const glossary = parse(readFileSync(join(cwd, "ppwe", "workplans", "glossary.yaml"), "utf8"));
    expect(glossary.acronyms.PPWE).toBe("Policy Partnership on Women and the Economy");
    expect(glossary.mandateSources).toContain("PPWE Strategic Plan");
    const project = join(cwd, "ppwe");
    const lint = await runCli(["lint", "--format", "json"], join(project, "workplans"));
    expect(JSON.parse(lint.stdout)).toEqual([]);
    const build = await runCli(["build", "2027", "--format", "md"], project);
    expect(build.code).toBe(0);
    const markdown = readFileSync(join(project, "out", "2027", "ppwe_2027.md"), "utf8");
    expect(markdown).toContain("Policy Partnership on Women and the Economy Work Plan for 2027");
    expect(markdown).not.toContain("Secure Travel");
  });

  it("starts from an existing plan with --from, copied as it is, linted with the CTWG's glossary", async () => {
    const source = join(ROOT, "workplans", "2017.yaml");
    const init = await runCli(["init", "--from", source], cwd);
    expect(init.code).toBe(0);
    expect(read("workplans/2017.yaml")).toBe(readFileSync(source, "utf8"));
    expect(existsSync(join(cwd, "workplans", "2027.yaml"))).toBe(false);
    const lint = await runCli(["lint", "--format", "json"], cwd);
    expect((JSON.parse(lint.stdout) as unknown[]).length).toBe(8);
  });

  it("refuses a --from that is not a workplan, and writes nothing", async () => {
    writeFileSync(join(cwd, "broken.yaml"), "year: [\n");
    const result = await runCli(["init", "--from", "broken.yaml"], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("ctwg: broken.yaml has errors; fix them, or start from the template (leave --from out)");
    expect(readdirSync(cwd)).toEqual(["broken.yaml"]);
  });

  it.each([
    [["--forum", "ppwe"], "--forum takes the forum's acronym in capitals"],
    [["--forum", "PPWE"], "ctwg does not know the PPWE's full name: give it with --forum-name"],
    [["--year", "27"], "--year takes a year of four digits"],
    [["--from", "x.yaml", "--year", "2027"], "--from takes the forum and the year from the plan given"],
  ])("is a usage error, exit 2, for init %j", async (args, message) => {
    const result = await runCli(["init", ...args], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe("what init writes with", () => {
  it("quotes a YAML scalar only when YAML would read it otherwise, and reads back every string", () => {
    expect(yamlScalar("Policy Partnership on Women and the Economy")).toBe("Policy Partnership on Women and the Economy");
    expect(yamlScalar("Forum: the #1")).toBe('"Forum: the #1"');
    expect(yamlScalar("yes")).toBe('"yes"');
    fc.assert(fc.property(fc.string(), (text) => parse(`key: ${yamlScalar(text)}`).key === text));
  });

  it("names the Action after the package's repository and major version", () => {
    expect(actionOf({ version: "0.4.1", repository: { url: "git+https://github.com/apec-ctwg/ctwg.git" } })).toBe("apec-ctwg/ctwg@v0");
    expect(actionOf({ version: "2.0.0", repository: "github:someone/ctwg" })).toBe("someone/ctwg@v2");
    expect(() => actionOf({ version: "1.0.0" })).toThrow(/names no GitHub repository/);
  });

  it("creates a file only where none is, atomically", async () => {
    const target = join(cwd, "a", "file.txt");
    expect(await createFile(target, "first")).toBe(true);
    expect(await createFile(target, "second")).toBe(false);
    expect(readFileSync(target, "utf8")).toBe("first");
    expect(readdirSync(join(cwd, "a"))).toEqual(["file.txt"]);
  });
});
