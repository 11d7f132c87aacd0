import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { FOLLOW } from "../support/preview.js";
import { runCli, tempProject } from "../support/cli.js";
import { replaceOnce, ROOT } from "../support/workplan.js";

const OLD_TEXT = "Hold 9th Counter Terrorism Working Group (CTWG) Meeting in Nha Trang, Viet Nam 21-22 February";
const NEW_TEXT = "Hold 9th Counter Terrorism Working Group (CTWG) Meeting in Nha Trang, Viet Nam 20-22 February";
const env = { SOURCE_DATE_EPOCH: "1500000000", NO_COLOR: "1" };
const project = tempProject();
const reference = tempProject();
afterAll(() => {
  project.cleanup();
  reference.cleanup();
});

const pdfOf = (cwd: string, out: string) => readFileSync(join(cwd, out, "2017", "2017_som1_sce-cow_002.pdf"));

// The built CLI, as a real process: from the sources (in-process) there is no worker to start.
describe.skipIf(availableParallelism() < 2)("ctwg build --watch with a second core", () => {
  it("renders the PDF on one thread kept for the session, beside the other formats, and writes what one thread would", async () => {
    const child = spawn(process.execPath, [join(ROOT, "bin/ctwg.js"), "build", "2017", "--format", "md,pdf,docx", "--watch"], {
      cwd: project.cwd,
      env: { ...process.env, ...env, NODE_DEBUG: "worker" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const closed = new Promise<number | null>((resolve) => child.on("close", resolve));
    try {
      await vi.waitFor(() => expect(stdout).toContain("Ctrl-C stops"), FOLLOW);
      const plan = join(project.cwd, "workplans", "2017.yaml");
      for (let save = 1; save <= 2; save++) {
        const mark = stdout.length;
        writeFileSync(plan, replaceOnce(readFileSync(plan, "utf8"), save === 1 ? OLD_TEXT : NEW_TEXT, save === 1 ? NEW_TEXT : OLD_TEXT));
        await vi.waitFor(() => expect(stdout.slice(mark)).toMatch(/wrote out\/2017\/2017_som1_sce-cow_002\.docx\n/), FOLLOW);
        expect(stdout.slice(mark)).toMatch(/^✓ \d+ ms PDF$/m);
      }
      // One thread for the whole session, not one a save.
      expect(stderr.match(/create new worker/g)).toHaveLength(1);
    } finally {
      child.kill("SIGINT");
    }
    expect(await closed).toBe(0);

    // Back at the first text: the PDF is byte for byte the one-thread build's.
    const built = await runCli(["build", "2017", "--format", "pdf", "--out", "one"], reference.cwd, env);
    expect(built.code).toBe(0);
    expect(pdfOf(project.cwd, "out").equals(pdfOf(reference.cwd, "one"))).toBe(true);
  });
});
