import { execFileSync } from "node:child_process";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { tempProject } from "../support/cli.js";
import { ROOT } from "../support/workplan.js";

/** The README's programmatic example, importing the built package instead of `ctwg`. */
function readmeExample(): string {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Programmatic use"));
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (!code) throw new Error("the README has no ts example under ## Programmatic use");
  return code.replace(/from "ctwg"/, `from ${JSON.stringify(pathToFileURL(join(ROOT, "dist", "index.js")).href)}`);
}

describe("the README's programmatic example", () => {
  it("runs as written and prints what it says", () => {
    const { cwd, cleanup } = tempProject();
    try {
      copyFileSync(join(ROOT, "workplans", "2018.yaml"), join(cwd, "workplans", "2018.yaml"));
      writeFileSync(join(cwd, "example.mjs"), readmeExample());
      const output = execFileSync(process.execPath, ["example.mjs"], { cwd, encoding: "utf8" });
      expect(output).toContain("workplans/2017.yaml:");
      expect(output).toContain("[consistent-acronym]");
      expect(output).toContain("'2017/2017_som1_sce-cow_002.md'");
      expect(output).toContain("### Workplan changes: workplans/2017.yaml → workplans/2018.yaml");
    } finally {
      cleanup();
    }
  });
});
