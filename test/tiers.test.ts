import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { createVitest } from "vitest/node";
import { ROOT } from "./support/workplan.js";

/** Every test file under test/, relative to the root, as the README's `test/**\/*.test.ts` means. */
function testFiles(): string[] {
  const files = readdirSync(join(ROOT, "test"), { recursive: true, encoding: "utf8" });
  return files
    .filter((file) => file.endsWith(".test.ts"))
    .map((file) => join("test", file))
    .sort();
}

/**
 * Each test file with the projects vitest runs it in. Why vitest's own globbing: the check then
 * reads the include and exclude patterns of vitest.config.ts exactly as `vitest run` does.
 */
async function projectsOfFiles(): Promise<Map<string, string[]>> {
  const vitest = await createVitest("test", { watch: false, root: ROOT, config: join(ROOT, "vitest.config.ts") });
  try {
    const projects = new Map<string, string[]>();
    for (const spec of await vitest.globTestSpecifications()) {
      const file = relative(ROOT, spec.moduleId);
      projects.set(file, [...(projects.get(file) ?? []), spec.project.name]);
    }
    return projects;
  } finally {
    await vitest.close();
  }
}

// What only the slow tier may do: run the built CLI, read dist/, start Chromium or LibreOffice.
const NEEDS_THE_SLOW_TIER = /bin\/ctwg\.js|builtBin\(|"dist[/"]|browserTests\(|officeTests\(/;

describe("the test tiers", () => {
  it("put every test file in exactly one of the unit and slow projects", async () => {
    const projects = await projectsOfFiles();
    const placed = testFiles().map((file) => [file, projects.get(file) ?? []] as const);
    expect(placed.filter(([, names]) => names.length !== 1)).toEqual([]);
    expect(new Set(placed.map(([, names]) => names[0]))).toEqual(new Set(["unit", "slow"]));
    expect([...projects.keys()].sort()).toEqual(testFiles());
  });

  it("keep the unit tier free of the built CLI, the browser and LibreOffice", async () => {
    const projects = await projectsOfFiles();
    const unit = [...projects].filter(([, names]) => names.includes("unit")).map(([file]) => file);
    expect(unit.length).toBeGreaterThan(40);
    expect(unit.filter((file) => NEEDS_THE_SLOW_TIER.test(readFileSync(join(ROOT, file), "utf8")))).toEqual([]);
  });
});
