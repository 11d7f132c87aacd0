import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runCli, tempProject } from "../support/cli.js";
import { replaceOnce } from "../support/workplan.js";
import { builtBin, expectReadable, sha256 } from "./support.js";

/**
 * All or nothing: a build writes every output of a plan or none. A disk that fills up on the third
 * file (ENOSPC, injected into the writer here; a real tmpfs when the tests run as root), or a folder
 * where the PDF should go, leaves none of the new outputs, the previous ones as they were, no
 * temporary file, and an error that names the file and says what to do.
 */

// The test seam: the nth temporary file written runs out of space half-way, as a full disk does.
const disk = vi.hoisted(() => ({ failOn: 0, written: 0 }));
vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs/promises")>();
  const writeFile: typeof actual.writeFile = async (file, data, options) => {
    if (typeof file === "string" && file.endsWith(".tmp") && disk.failOn > 0 && ++disk.written === disk.failOn) {
      const bytes = typeof data === "string" ? Buffer.from(data) : Buffer.from(data as Uint8Array);
      await actual.writeFile(file, bytes.subarray(0, bytes.length >> 1), options);
      throw Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: "ENOSPC", errno: -28, syscall: "write" });
    }
    return actual.writeFile(file, data, options);
  };
  return { ...actual, writeFile, default: { ...actual, writeFile } };
});

const STEM = "2017_som1_sce-cow_002";
const OUTPUTS = ["md", "html", "pdf", "docx"].map((ext) => `${STEM}.${ext}`);
const OLD_TEXT = "Nha Trang, Viet Nam 21-22 February";
const NEW_TEXT = "Nha Trang, Viet Nam 20-22 February";

let project: { cwd: string; cleanup: () => void };
beforeEach(() => {
  project = tempProject();
  disk.failOn = 0;
  disk.written = 0;
});
afterEach(() => project.cleanup());

/** Each entry of a folder with its hash ("folder" for one) and modification time, names sorted. */
function stateOf(dir: string): [string, string, number][] {
  return readdirSync(dir)
    .sort()
    .map((name) => {
      const stats = statSync(join(dir, name));
      return [name, stats.isDirectory() ? "folder" : sha256(readFileSync(join(dir, name))), stats.mtimeMs];
    });
}

/** Builds the committed plan into `out`, then edits the plan so that every output of the next build differs. */
async function previousBuild(out = "out"): Promise<string> {
  const first = await runCli(["build", "2017", "--out", out], project.cwd);
  expect(first.code, first.stderr).toBe(0);
  const file = join(project.cwd, "workplans", "2017.yaml");
  writeFileSync(file, replaceOnce(readFileSync(file, "utf8"), OLD_TEXT, NEW_TEXT));
  return join(project.cwd, out, "2017");
}

describe("a build whose third write fails", () => {
  it("runs out of space on the PDF: the previous outputs untouched, no new one, no temporary, the file named", async () => {
    const dir = await previousBuild();
    const before = stateOf(dir);
    expect(before.map(([name]) => name)).toEqual([...OUTPUTS].sort());
    disk.failOn = 3;
    const result = await runCli(["build", "2017"], project.cwd);
    expect(disk.written, "the seam saw the three writes").toBe(3);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `ctwg: no space left on device writing out/2017/${STEM}.pdf: free some space and build again; the previous outputs are untouched\n`,
    );
    expectReadable(result.stderr);
    expect(result.stdout).not.toContain("wrote");
    expect(stateOf(dir)).toEqual(before);
    // And the build after, with space again, writes all three.
    disk.failOn = 0;
    const again = await runCli(["build", "2017"], project.cwd);
    expect(again.code, again.stderr).toBe(0);
    const after = stateOf(dir);
    after.forEach(([name, hash], i) => {
      expect(hash, name).not.toBe(before[i]![1]);
    });
    for (const name of OUTPUTS.slice(0, 2)) expect(readFileSync(join(dir, name), "utf8"), name).toContain("20-22 February");
  });

  it("runs out of space on the Markdown of a first build: nothing at all is left", async () => {
    disk.failOn = 1;
    const result = await runCli(["build", "2017", "--out", "fresh"], project.cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`no space left on device writing fresh/2017/${STEM}.md`);
    expect(readdirSync(join(project.cwd, "fresh", "2017"))).toEqual([]);
  });

  it("finds a folder where the PDF should go: nothing replaced, nothing new", async () => {
    const dir = await previousBuild();
    rmSync(join(dir, OUTPUTS[2]!));
    mkdirSync(join(dir, OUTPUTS[2]!));
    const before = stateOf(dir);
    const result = await runCli(["build", "2017"], project.cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `ctwg: a folder is in the way writing out/2017/${STEM}.pdf: move the folder of that name away and build again; the previous outputs are untouched\n`,
    );
    expect(stateOf(dir)).toEqual(before);
  });

  it("times the render of each format, then the one write (what --watch prints)", async () => {
    const steps: string[] = [];
    const { build } = await import("../../src/index.js");
    await build("workplans/2017.yaml", { cwd: project.cwd, formats: ["md", "html"], onStep: (step) => steps.push(step) });
    expect(steps).toEqual(["Checked", "Markdown", "HTML", "Written"]);
  });
});

/** Whether this process may mount a tmpfs (root in a container that allows it). */
function canMount(): boolean {
  if (process.getuid?.() !== 0 || process.platform !== "linux") return false;
  const probe = mkdtempSync(join(tmpdir(), "ctwg-mount-probe-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe], { stdio: "ignore" });
    execFileSync("umount", [probe], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

describe.runIf(canMount())("a real full disk (a 64 KiB tmpfs)", () => {
  it("the built CLI fills it on the PDF: the previous outputs stay, nothing new, the file named", () => {
    const full = join(project.cwd, "full");
    mkdirSync(full);
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", full]);
    try {
      // Small previous outputs; the new Markdown and HTML fit beside them, the PDF (some 80 KB) does not.
      mkdirSync(join(full, "2017"));
      for (const name of OUTPUTS) writeFileSync(join(full, "2017", name), `old ${name}\n`);
      const before = stateOf(join(full, "2017"));
      let stderr = "";
      let status = 0;
      try {
        execFileSync(process.execPath, [builtBin(), "build", "2017", "--out", "full"], {
          cwd: project.cwd,
          stdio: "pipe",
          encoding: "utf8",
        });
      } catch (error) {
        ({ stderr, status } = error as { stderr: string; status: number });
      }
      expect(status).toBe(2);
      expect(stderr).toMatch(
        new RegExp(
          `^ctwg: no space left on device writing full/2017/${STEM}\\.(html|pdf): free some space and build again; the previous outputs are untouched\\n$`,
        ),
      );
      expect(stateOf(join(full, "2017"))).toEqual(before);
    } finally {
      execFileSync("umount", [full]);
    }
    expect(existsSync(join(full, "2017"))).toBe(false);
  });
});
