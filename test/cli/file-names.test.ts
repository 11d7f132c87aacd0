import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FORMAT_IDS } from "../../src/index.js";
import { NAME_MAX_BYTES, OUTPUT_EXTENSIONS } from "../../src/model/file-stem.js";
import { FORMAT_LOADERS } from "../../src/render/formats.js";
import { lintJson, positionOf } from "../hostile/support.js";
import { runCli, tempProject } from "../support/cli.js";
import { replaceOnce, text2017 } from "../support/workplan.js";

/**
 * What lint accepts, build can write: the names of the files a plan builds (from its cover symbol)
 * fit the file systems' limits, are no Windows device name, and no two plans of one run share them.
 */

const SYMBOL_LINE = "  symbol: 2017/SOM1/SCE-COW/002";
const PLAN = "workplans/2017.yaml";

let cwd: string;
let cleanup: () => void;
beforeEach(() => ({ cwd, cleanup } = tempProject()));
afterEach(() => cleanup());

/** The project's 2017 plan with its symbol replaced; returns the new text. */
function withSymbol(symbol: string, file = PLAN): string {
  const text = replaceOnce(text2017(), SYMBOL_LINE, `  symbol: ${symbol}`);
  writeFileSync(join(cwd, file), text);
  return text;
}

describe("the file-name rule", () => {
  it("reports a 300-character symbol at the symbol", async () => {
    const symbol = `2017/SOM1/${"X".repeat(286)}/004`;
    expect(symbol).toHaveLength(300);
    const text = withSymbol(symbol);
    const { code, findings } = await lintJson(["2017"], cwd);
    expect(code).toBe(1);
    const found = findings.filter((f) => f.ruleId === "file-name");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "error", path: ["cover", "symbol"], ...positionOf(text, symbol) });
    expect(found[0]!.message).toMatch(
      /^the outputs would be named "2017_som1_x+…x+_004\.html", 305 bytes: a file name may have at most 255$/,
    );
  });

  it("reports CON, and a device name in any case, at the symbol", async () => {
    for (const symbol of ["CON", "nul", "Com7", "LPT9"]) {
      const text = withSymbol(symbol);
      const { findings } = await lintJson(["2017"], cwd);
      const found = findings.filter((f) => f.ruleId === "file-name");
      expect(found, symbol).toHaveLength(1);
      const key = positionOf(text, `symbol: ${symbol}`);
      expect(found[0], symbol).toMatchObject({
        severity: "error",
        path: ["cover", "symbol"],
        line: key.line,
        column: key.column + "symbol: ".length,
      });
      expect(found[0]!.message).toContain(`which Windows cannot create: ${symbol.toUpperCase()} is the name of a device there`);
    }
  });

  it("passes the committed plan and a name just within the limit", async () => {
    expect((await lintJson(["2017"], cwd)).findings.filter((f) => f.ruleId === "file-name")).toEqual([]);
    withSymbol(`2017/SOM1/${"X".repeat(236)}/004`);
    expect((await lintJson(["2017"], cwd)).findings.filter((f) => f.ruleId === "file-name")).toEqual([]);
  });

  it("knows every extension the renderers write (the list lint keeps, away from the renderers)", async () => {
    for (const id of FORMAT_IDS) expect(OUTPUT_EXTENSIONS, id).toContain((await FORMAT_LOADERS[id]()).extension);
    expect(OUTPUT_EXTENSIONS).toContain("ics");
    expect(NAME_MAX_BYTES).toBe(255);
  });
});

describe("a name the file system still refuses", () => {
  it("with the rule turned off, build names the file instead of failing with a raw ENAMETOOLONG", async () => {
    withSymbol(`2017/SOM1/${"X".repeat(286)}/004`);
    writeFileSync(join(cwd, "ctwg.config.yaml"), "lint:\n  rules:\n    file-name: off\n");
    const result = await runCli(["build", "2017", "--format", "md"], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^ctwg: name too long for the file system writing out\/2017\/2017_som1_x+_004\.md: use a shorter name \(the documents are named after the cover symbol\); the previous outputs are untouched\n$/,
    );
    expect(result.stderr).not.toContain("this is a bug");
  });
});

describe("two plans whose outputs would share names", () => {
  const SECOND = "workplans/second.yaml";
  // Symbols that differ only in case give one file name: built together, one plan's files would replace the other's.
  const twoPlans = () => {
    withSymbol("2017/SOM1/CTWG/004");
    return withSymbol("2017/som1/ctwg/004", SECOND);
  };

  it("lint reports the second at its symbol, naming the first", async () => {
    writeFileSync(join(cwd, "ctwg.config.yaml"), "lint:\n  rules:\n    symbol-shape: off\n");
    const second = twoPlans();
    const { code, findings } = await lintJson(["2017", SECOND], cwd);
    expect(code).toBe(1);
    const found = findings.filter((f) => f.ruleId === "file-name");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      file: SECOND,
      severity: "error",
      path: ["cover", "symbol"],
      ...positionOf(second, "2017/som1/ctwg/004"),
    });
    expect(found[0]!.message).toBe(
      `this plan's outputs, 2017/2017_som1_ctwg_004.*, have the names of those of ${PLAN}: one would overwrite the other`,
    );
    // Each alone is fine.
    expect((await lintJson([SECOND], cwd)).code).toBe(0);
  });

  it("build writes the first and refuses the second, whose files would have replaced the first's", async () => {
    writeFileSync(join(cwd, "ctwg.config.yaml"), "lint:\n  rules:\n    symbol-shape: off\n");
    twoPlans();
    const result = await runCli(["build", "2017", SECOND, "--format", "md"], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`have the names of those of ${PLAN}`);
    expect(result.stderr).toContain(`✖ ${SECOND}: not built`);
    expect(readdirSync(join(cwd, "out", "2017"))).toEqual(["2017_som1_ctwg_004.md"]);
    expect(readFileSync(join(cwd, "out", "2017", "2017_som1_ctwg_004.md"), "utf8")).toContain("2017/SOM1/CTWG/004");
  });

  it("lint --fix reports them too", async () => {
    writeFileSync(join(cwd, "ctwg.config.yaml"), "lint:\n  rules:\n    symbol-shape: off\n");
    twoPlans();
    const result = await runCli(["lint", "2017", SECOND, "--fix", "--format", "compact"], cwd);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`^${SECOND}:\\d+:\\d+: error: this plan's outputs, .* \\[file-name\\]$`, "m"));
  });

  it("follows the rule's configured severity; off only stops the report", async () => {
    writeFileSync(join(cwd, "ctwg.config.yaml"), "lint:\n  rules:\n    symbol-shape: off\n    file-name: warning\n");
    twoPlans();
    const { code, findings } = await lintJson(["2017", SECOND], cwd);
    expect(code).toBe(0);
    expect(findings.filter((f) => f.ruleId === "file-name").map((f) => f.severity)).toEqual(["warning"]);
  });
});
