import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain script, shared with the benchmark, without type declarations
import { installPacked } from "../scripts/install-packed.mjs";
import { ROOT } from "./support/workplan.js";

/** The package as a user gets it: packed as `npm publish` would pack it, installed into an empty folder, run there. */
let folder: string;
let files: string[];
let project: string;
const ctwg = (args: string[], cwd = project) =>
  spawnSync(join(project, "node_modules", ".bin", "ctwg"), args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "ctwg-package-"));
  ({ files, project } = installPacked(folder));
  mkdirSync(join(project, "workplans"));
  for (const name of ["2017.yaml", "glossary.yaml"]) copyFileSync(join(ROOT, "workplans", name), join(project, "workplans", name));
}, 120_000);

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("the package", () => {
  it("holds the built CLI, its templates and data, and nothing of the repository's own", () => {
    for (const needed of [
      "bin/ctwg.js",
      "dist/bundle/ctwg.cjs",
      "dist/bundle/ctwg.cjs.cache",
      "dist/bundle/lint-worker.cjs",
      "dist/bundle/build-worker.cjs",
      "dist/start/code-cache.js",
      "dist/start/worker.js",
      "dist/index.js",
      "dist/index.d.ts",
      "dist/templates/html.cjs",
      "templates/html/main.hbs",
      "workplans/glossary.yaml",
      "workplans/workplan.schema.json",
      "package.json",
      "README.md",
    ]) {
      expect(files, needed).toContain(needed);
    }
    const foreign = files.filter(
      (f) =>
        !/^(bin|dist|templates)\//.test(f) &&
        !["package.json", "README.md", "workplans/glossary.yaml", "workplans/workplan.schema.json"].includes(f),
    );
    expect(foreign).toEqual([]);
    expect(files.filter((f) => /\.test\.|^test\/|^src\/|\.ts$/.test(f) && !f.endsWith(".d.ts"))).toEqual([]);
  });

  it("says what it is", () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(manifest.description).toMatch(/APEC work plans/);
    expect(manifest.keywords).toContain("apec");
    expect(manifest.repository.url).toMatch(/github\.com\/[\w-]+\/ctwg/);
    expect(manifest.engines.node).toBe(">=20");
  });

  it("runs from an install: --version, lint and build of a plan copied in", () => {
    const version = ctwg(["--version"]);
    expect(version.stderr).toBe("");
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);

    const lint = ctwg(["lint", "--format", "json"]);
    expect(lint.status).toBe(0);
    expect((JSON.parse(lint.stdout) as unknown[]).length).toBe(8);

    const build = ctwg(["build", "2017"]);
    expect(build.stderr).toContain("8 warnings");
    expect(build.status).toBe(0);
    expect(readdirSync(join(project, "out", "2017")).sort()).toEqual([
      "2017_som1_sce-cow_002.docx",
      "2017_som1_sce-cow_002.html",
      "2017_som1_sce-cow_002.md",
      "2017_som1_sce-cow_002.pdf",
    ]);
    expect(
      readFileSync(join(project, "out", "2017", "2017_som1_sce-cow_002.pdf"))
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
  });

  it("runs with npx from a folder inside the plan repository, finding the project's root", () => {
    const result = spawnSync("npx", ["--offline", "--no-install", "ctwg", "lint", "2017", "--format", "compact"], {
      cwd: join(project, "workplans"),
      encoding: "utf8",
    });
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split("\n")).toHaveLength(8);
    expect(result.stdout).toMatch(/^2017\.yaml:\d+:\d+: warning: /);
  });

  it("starts a project with init from the install", () => {
    const fresh = join(folder, "fresh");
    mkdirSync(fresh);
    expect(ctwg(["init", "--year", "2027"], fresh).status).toBe(0);
    const lint = ctwg(["lint"], fresh);
    expect(lint.status).toBe(0);
    expect(lint.stdout).toBe("");
  });
});
