import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/workplan.js";

const tracer = join(ROOT, "test/support/trace-imports.mjs");
const work = mkdtempSync(join(tmpdir(), "ctwg-imports-"));

/** The package names a real `ctwg` process loaded while running `args`. */
function packagesLoaded(args: string[]): Set<string> {
  const trace = join(work, `trace-${args.join("-").replace(/\W+/g, "_")}.txt`);
  const result = spawnSync(process.execPath, ["--import", tracer, join(ROOT, "bin/ctwg.js"), ...args], {
    cwd: ROOT,
    env: { ...process.env, CTWG_TRACE_IMPORTS: trace, NO_COLOR: "1" },
    encoding: "utf8",
  });
  expect(result.status, result.stderr).toBe(0);
  const urls = readFileSync(trace, "utf8").split("\n");
  return new Set(urls.flatMap((url) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ?? []));
}

describe("a command loads only what it uses", () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("lint loads neither pdfkit, fontkit, Handlebars nor the calendar writer", () => {
    const loaded = packagesLoaded(["lint", "2017"]);
    for (const name of ["pdfkit", "fontkit", "handlebars", "ical-generator"]) expect(loaded).not.toContain(name);
  });

  it("a Markdown and HTML build does not load pdfkit or fontkit", () => {
    const loaded = packagesLoaded(["build", "2017", "--format", "md,html", "--out", join(work, "out")]);
    expect(loaded).toContain("handlebars");
    for (const name of ["pdfkit", "fontkit"]) expect(loaded).not.toContain(name);
  });

  it("a diff in the terminal loads no renderer; its HTML redline does", () => {
    const sides = ["diff", "2017", "test/fixtures/diff/2018.yaml"];
    for (const name of ["handlebars", "pdfkit", "fontkit"]) expect(packagesLoaded([...sides, "--format", "text"])).not.toContain(name);
    expect(packagesLoaded([...sides, "--format", "html"])).toContain("handlebars");
  });

  it("a PDF build does load pdfkit (so the two tests above can tell)", () => {
    expect(packagesLoaded(["build", "2017", "--format", "pdf", "--out", join(work, "out")])).toContain("pdfkit");
  });
});
