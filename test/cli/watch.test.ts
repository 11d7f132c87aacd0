import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { EXIT } from "../../src/cli/exit-codes.js";
import { runCli } from "../support/cli.js";
import { FOLLOW, previewHarness } from "../support/preview.js";

const STEM = "2017_som1_sce-cow_002";
const OLD_TEXT = "Hold 9th Counter Terrorism Working Group (CTWG) Meeting in Nha Trang, Viet Nam 21-22 February";
const NEW_TEXT = "Hold 9th Counter Terrorism Working Group (CTWG) Meeting in Nha Trang, Viet Nam 20-22 February";
const harness = previewHarness();

/** `ctwg build <args> --watch` in the test's project, until it says it is watching. */
const startWatch = (args: string[]) => harness.start(["build", ...args, "--watch"], /^watching workplans\/2017\.yaml; Ctrl-C stops$/m);

const outFile = (ext: string) => join(harness.cwd, "out", "2017", `${STEM}.${ext}`);

const editWorkplan = (from: string, to: string) => harness.edit("workplans/2017.yaml", from, to);

/** The lines one build prints on stdout while watching, in order. */
const STEPS = [/^✓ \d+ ms Checked$/, /^✓ \d+ ms Markdown$/, /^✓ \d+ ms HTML$/];

/** The lines of `text` that match `patterns`, in the order of the patterns; fails when one is missing or out of order. */
function expectInOrder(text: string, patterns: RegExp[]): void {
  const lines = text.split("\n");
  let from = 0;
  for (const pattern of patterns) {
    const at = lines.findIndex((line, i) => i >= from && pattern.test(line));
    expect(at, `${pattern} after line ${from} of:\n${text}`).toBeGreaterThanOrEqual(0);
    from = at + 1;
  }
}

describe("ctwg build --watch", () => {
  it("builds, rebuilds on every save printing each step, keeps the last good outputs on errors, and stops on the signal", async () => {
    const watching = await startWatch(["2017", "--format", "md,html"]);
    const { output } = watching;

    // The first build: every step with its time, then what it wrote, then that it watches.
    expectInOrder(output.stdout, [
      ...STEPS,
      /^✓ wrote out\/2017\/2017_som1_sce-cow_002\.md$/,
      /^✓ wrote out\/2017\/2017_som1_sce-cow_002\.html$/,
      /^watching workplans\/2017\.yaml; Ctrl-C stops$/,
    ]);
    expect(output.stdout).not.toMatch(/ms PDF/);
    expect(existsSync(outFile("pdf"))).toBe(false);
    expect(output.stderr).toMatch(/^! workplans\/2017\.yaml: \d+ warnings?; `ctwg lint workplans\/2017\.yaml` shows them\n$/);
    expect(readFileSync(outFile("md"), "utf8")).toContain(OLD_TEXT);

    // A save: the documents are written again, and the steps are printed again.
    let mark = output.stdout.length;
    editWorkplan(OLD_TEXT, NEW_TEXT);
    await vi.waitFor(() => {
      expect(readFileSync(outFile("md"), "utf8")).toContain(NEW_TEXT);
      expect(readFileSync(outFile("html"), "utf8")).toContain(NEW_TEXT);
      expect(output.stdout.slice(mark)).toContain("✓ wrote out/2017/2017_som1_sce-cow_002.html\n");
    }, FOLLOW);
    expectInOrder(output.stdout.slice(mark), [
      /^workplans\/2017\.yaml changed$/,
      ...STEPS,
      /^✓ wrote out\/2017\/2017_som1_sce-cow_002\.md$/,
      /^✓ wrote out\/2017\/2017_som1_sce-cow_002\.html$/,
    ]);
    expect(readFileSync(outFile("md"), "utf8")).not.toContain(OLD_TEXT);
    // Let any late event of that save finish its rebuild before taking the good outputs.
    await settled(output);
    const good = { md: readFileSync(outFile("md")), html: readFileSync(outFile("html")) };

    // A save that breaks the YAML: the diagnostic on stderr, and the outputs stay as they were.
    mark = output.stdout.length;
    let errorMark = output.stderr.length;
    editWorkplan("year: 2017", "year 2017");
    await watching.printed("✖ workplans/2017.yaml: not built, fix the errors above; the last good outputs stay\n", {
      stream: "stderr",
      from: errorMark,
    });
    const errors = output.stderr.slice(errorMark);
    expect(errors).toContain("error: implicit keys need to be on a single line [yaml/syntax]\n");
    expect(errors).toContain("--> workplans/2017.yaml:6:1\n");
    expectInOrder(output.stdout.slice(mark), [/^workplans\/2017\.yaml changed$/, STEPS[0]!]);
    expect(output.stdout.slice(mark)).not.toMatch(/ms (Markdown|HTML)|wrote/);
    await settled(output);
    expect(readFileSync(outFile("md")).equals(good.md), "the Markdown file still holds the last good build").toBe(true);
    expect(readFileSync(outFile("html")).equals(good.html), "the HTML file still holds the last good build").toBe(true);

    // Fixed again: the same plan as the last good build, so the same bytes, which are left as they are.
    mark = output.stdout.length;
    errorMark = output.stderr.length;
    editWorkplan("year 2017", "year: 2017");
    await watching.printed("= unchanged out/2017/2017_som1_sce-cow_002.html\n", { from: mark });
    expectInOrder(output.stdout.slice(mark), [
      /^workplans\/2017\.yaml changed$/,
      ...STEPS,
      /^= unchanged out\/2017\/2017_som1_sce-cow_002\.md$/,
      /^= unchanged out\/2017\/2017_som1_sce-cow_002\.html$/,
    ]);
    expect(output.stderr.slice(errorMark)).not.toContain("error");
    expect(readFileSync(outFile("md")).equals(good.md)).toBe(true);

    const result = await watching.stop();
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(output.stdout);
  }, 60_000);

  it("stops at once when the signal aborts while nothing changes", async () => {
    const watching = await startWatch(["2017", "--format", "md"]);
    const started = Date.now();
    const result = await watching.stop();
    expect(result.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("starts watching even when the first build fails, and builds once the plan is fixed", async () => {
    editWorkplan("year: 2017", "year 2017");
    const watching = await startWatch(["2017", "--format", "md"]);
    const { output } = watching;
    expect(output.stderr).toContain("[yaml/syntax]");
    expect(output.stderr).toContain("✖ workplans/2017.yaml: not built, fix the errors above; the last good outputs stay\n");
    expect(existsSync(outFile("md"))).toBe(false);

    editWorkplan("year 2017", "year: 2017");
    await watching.printed("✓ wrote out/2017/2017_som1_sce-cow_002.md\n");
    expect(readFileSync(outFile("md"), "utf8")).toContain(OLD_TEXT);
    const result = await watching.stop();
    expect(result.code).toBe(0);
  }, 30_000);

  it("needs a signal to stop it: without one it is a usage error", async () => {
    const result = await runCli(["build", "2017", "--format", "md", "--watch"], harness.cwd);
    expect(result.code).toBe(EXIT.failure);
    expect(result.stderr).toContain("ctwg: --watch needs a terminal to stop it from\n");
  });
});

/** Waits until the output has not grown for 300 ms, so no rebuild is still running. */
async function settled(output: { stdout: string; stderr: string }): Promise<void> {
  let last = -1;
  let since = Date.now();
  await vi.waitFor(() => {
    const now = output.stdout.length + output.stderr.length;
    if (now !== last) {
      last = now;
      since = Date.now();
    }
    if (Date.now() - since < 300) throw new Error("output still growing");
  }, FOLLOW);
}
