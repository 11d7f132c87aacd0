import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "./support/workplan.js";

/**
 * The package as a user gets it: packed as `npm publish` would pack it, installed into an empty
 * folder, run there. Why a lockfile for the install: the packages come from npm's cache, as `npm ci`
 * left them, so the test needs no network; the lockfile is this repository's, less its dev tools.
 */
interface PackedFile {
  path: string;
}

let folder: string;
let files: string[];
let project: string;
const npm = (args: string[], cwd: string) => execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
const ctwg = (args: string[], cwd = project) => spawnSync(join(project, "node_modules", ".bin", "ctwg"), args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

beforeAll(() => {
  if (!existsSync(join(ROOT, "dist", "bundle", "ctwg.mjs"))) throw new Error("dist/ is not built: run `npm run build` (npm ci does it)");
  folder = mkdtempSync(join(tmpdir(), "ctwg-package-"));
  // --ignore-scripts: dist/ is already built, by the same `prepare` that `npm pack` would run.
  const [packed] = JSON.parse(npm(["pack", "--ignore-scripts", "--json", "--pack-destination", folder], ROOT)) as { filename: string; files: PackedFile[] }[];
  files = packed!.files.map((f) => f.path);
  const tarball = `file:../${packed!.filename}`;

  project = join(folder, "plans");
  mkdirSync(join(project, "workplans"), { recursive: true });
  const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, { dev?: boolean; link?: boolean; version?: string; dependencies?: object; bin?: object; engines?: object; license?: string }> };
  const own = lock.packages[""]!;
  const packages: Record<string, object> = {
    "": { name: "plans", dependencies: { ctwg: tarball } },
    "node_modules/ctwg": { version: own.version, resolved: tarball, license: own.license, dependencies: own.dependencies, bin: own.bin, engines: own.engines },
  };
  for (const [path, entry] of Object.entries(lock.packages)) if (path.startsWith("node_modules/") && !entry.dev && !entry.link) packages[path] = entry;
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "plans", private: true, dependencies: { ctwg: tarball } }));
  writeFileSync(join(project, "package-lock.json"), JSON.stringify({ name: "plans", lockfileVersion: 3, requires: true, packages }));
  npm(["ci", "--offline", "--no-audit", "--no-fund", "--loglevel=error"], project);
  for (const name of ["2017.yaml", "glossary.yaml"]) copyFileSync(join(ROOT, "workplans", name), join(project, "workplans", name));
}, 120_000);

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("the package", () => {
  it("holds the built CLI, its templates and data, and nothing of the repository's own", () => {
    for (const needed of ["bin/ctwg.js", "dist/bundle/ctwg.mjs", "dist/bundle/lint-worker.mjs", "dist/index.js", "dist/index.d.ts", "dist/templates/html.cjs", "templates/html/main.hbs", "workplans/glossary.yaml", "workplans/workplan.schema.json", "package.json", "README.md"]) {
      expect(files, needed).toContain(needed);
    }
    const foreign = files.filter((f) => !/^(bin|dist|templates)\//.test(f) && !["package.json", "README.md", "workplans/glossary.yaml", "workplans/workplan.schema.json"].includes(f));
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
    expect(readdirSync(join(project, "out", "2017")).sort()).toEqual(["2017_som1_sce-cow_002.docx", "2017_som1_sce-cow_002.html", "2017_som1_sce-cow_002.md", "2017_som1_sce-cow_002.pdf"]);
    expect(readFileSync(join(project, "out", "2017", "2017_som1_sce-cow_002.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("runs with npx from a folder inside the plan repository, finding the project's root", () => {
    const result = spawnSync("npx", ["--offline", "--no-install", "ctwg", "lint", "2017", "--format", "compact"], { cwd: join(project, "workplans"), encoding: "utf8" });
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
