import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./support/workplan.js";

// bin/ctwg.js runs the built CLI; the test setup builds it when it is missing or stale.

const ctwg = (args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, "bin", "ctwg.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined },
  });

describe("bin/ctwg.js", () => {
  it("says the CLI is not built, exit 2, when dist/ is missing, instead of a stack trace", () => {
    const dir = mkdtempSync(join(tmpdir(), "ctwg-unbuilt-"));
    try {
      mkdirSync(join(dir, "bin"));
      copyFileSync(join(ROOT, "bin", "ctwg.js"), join(dir, "bin", "ctwg.js"));
      const result = spawnSync(process.execPath, [join(dir, "bin", "ctwg.js"), "--version"], { encoding: "utf8" });
      expect(result.status).toBe(2);
      expect(result.stderr).toBe("ctwg: the CLI is not built (dist/ is missing): run `npm run build` in ctwg's folder\n");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("lints the 2017 workplan: the source's slips as warnings, exit code 0", () => {
    const result = ctwg(["lint", "2017", "--format", "pretty"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("8 problems (8 warnings) in 1 of 1 file");
  });

  it("exits 1 on a broken file and prints diagnostics, not a stack trace", () => {
    const dir = mkdtempSync(join(tmpdir(), "ctwg-bin-"));
    try {
      const file = join(dir, "broken.yaml");
      writeFileSync(file, "year: 2017\ncover:\n  title: a\n  title: b\n");
      const result = ctwg(["build", file, "--out", join(dir, "out")]);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("[yaml/duplicate-key]");
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(existsSync(join(dir, "out"))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("exits 2 on a usage error", () => {
    const result = ctwg(["frobnicate"]);
    expect(result.status).toBe(2);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it("ends quietly with the exit code of what it found when the reader closes the pipe (ctwg lint | head)", async () => {
    const child = spawn(process.execPath, [join(ROOT, "bin", "ctwg.js"), "lint", "2017", "--format", "pretty", "--fail-on", "warning"], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    // Closed before the first line is written: every write of the command meets a closed pipe.
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(1);
  });
});
