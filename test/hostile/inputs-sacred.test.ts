import { spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  closeSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Io } from "../../src/cli/io.js";
import { run } from "../../src/cli/program.js";
import { runCli, tempProject } from "../support/cli.js";
import { replaceOnce, ROOT } from "../support/workplan.js";
import { builtBin, expectReadable, sha256 } from "./support.js";

/**
 * Inputs are sacred: no output, whatever `--output`, `--out` or a shell redirect says, replaces a
 * file ctwg reads or keeps (a plan, the glossary, the configuration); and `--fix` edits a plan
 * where it is, through a symlink, keeping its mode and owner.
 */

const PLAN = "workplans/2017.yaml";
const GLOSSARY = "workplans/glossary.yaml";
const CONFIG = "ctwg.config.yaml";
const STEM = "2017_som1_sce-cow_002";

let cwd: string;
let cleanup: () => void;
beforeEach(() => {
  ({ cwd, cleanup } = tempProject());
  copyInto("workplans/2016.yaml", readFileSync(join(ROOT, "test", "fixtures", "diff", "2016.yaml")));
  copyInto(CONFIG, "lint:\n  rules:\n    stale-date: warning\n");
});
afterEach(() => cleanup());

function copyInto(file: string, content: string | Buffer): void {
  mkdirSync(join(cwd, file, ".."), { recursive: true });
  writeFileSync(join(cwd, file), content);
}

const hashOf = (file: string) => sha256(readFileSync(join(cwd, file)));

/** Runs the CLI and checks that it refused: exit 2, one readable line naming `file`, and `file` unchanged. */
async function expectRefused(args: string[], file: string, named = file): Promise<string> {
  const before = hashOf(file);
  const result = await runCli(args, cwd);
  expect(result.code, `${args.join(" ")}: ${result.stderr}`).toBe(2);
  expect(result.stderr).toContain(named);
  expect(result.stderr).toMatch(/^ctwg: .*nothing was written/);
  expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
  expectReadable(result.stderr, 400);
  expect(hashOf(file), `${file} after ${args.join(" ")}`).toBe(before);
  return result.stderr;
}

describe("an output onto an input is refused", () => {
  it("lint --output onto the plan, the glossary and the configuration", async () => {
    const message = await expectRefused(["lint", "2017", "--output", PLAN], PLAN);
    expect(message).toBe(
      `ctwg: --output ${PLAN} would replace the workplan ${PLAN}, which ctwg reads; nothing was written: write the report to another file (--output lint-report.txt), or leave --output out to print it\n`,
    );
    expect(await expectRefused(["lint", "2017", "--output", GLOSSARY], GLOSSARY)).toContain(`the glossary ${GLOSSARY}`);
    expect(await expectRefused(["lint", "2017", "--output", CONFIG], CONFIG)).toContain(`the configuration ${CONFIG}`);
  });

  it("lint --output onto another spelling of the plan, a hard link to it, the year before, or a --config file", async () => {
    await expectRefused(["lint", "2017", "--output", "./workplans/../workplans/2017.yaml"], PLAN);
    linkSync(join(cwd, PLAN), join(cwd, "hard-link.txt"));
    await expectRefused(["lint", "2017", "--output", "hard-link.txt"], PLAN, "hard-link.txt");
    await expectRefused(["lint", "2017", "--output", "workplans/2016.yaml"], "workplans/2016.yaml");
    copyInto("lint.yaml", "lint:\n  rules: {}\n");
    await expectRefused(["lint", "2017", "--config", "lint.yaml", "--output", "lint.yaml"], "lint.yaml");
  });

  it("lint --fix --output onto the plan is refused before anything is fixed", async () => {
    writeFileSync(
      join(cwd, PLAN),
      replaceOnce(readFileSync(join(cwd, PLAN), "utf8"), "Nha Trang, Viet Nam 21-22", "Nha Trang, Vietnam 21-22"),
    );
    await expectRefused(["lint", "2017", "--fix", "--output", PLAN], PLAN);
  });

  it("diff --output onto either side", async () => {
    await expectRefused(["diff", "2016", "2017", "--output", PLAN], PLAN);
    await expectRefused(["diff", "2016", "2017", "--format", "html", "--output", "workplans/2016.yaml"], "workplans/2016.yaml");
  });

  it("new --output onto the plan it starts from, another year's plan or the glossary, even with --force", async () => {
    await expectRefused(["new", "2018", "--from", "2017", "--output", PLAN, "--force"], PLAN);
    await expectRefused(["new", "2018", "--output", "workplans/2016.yaml", "--force"], "workplans/2016.yaml");
    await expectRefused(["new", "2018", "--output", GLOSSARY, "--force"], GLOSSARY);
    // Its own plan it may replace, as --force says.
    expect((await runCli(["new", "2018"], cwd)).code).toBe(0);
    expect((await runCli(["new", "2018", "--force"], cwd)).code).toBe(0);
  });

  it("build --out where an output would land on an input (a hard link to the plan): refused, and nothing written", async () => {
    mkdirSync(join(cwd, "site", "2017"), { recursive: true });
    linkSync(join(cwd, PLAN), join(cwd, "site", "2017", `${STEM}.pdf`));
    const message = await expectRefused(["build", "2017", "--out", "site"], PLAN, `site/2017/${STEM}.pdf`);
    expect(message).toBe(
      `ctwg: --out site would replace the workplan ${PLAN} (as site/2017/${STEM}.pdf), which ctwg reads; nothing was written: choose an output folder that holds no plan nor a link to one (--out DIR)\n`,
    );
    // Refused as a whole: not even the Markdown and HTML, which would have landed beside it.
    expect(readdirSync(join(cwd, "site", "2017"))).toEqual([`${STEM}.pdf`]);
  });

  it("build into the default folder, whose output is a hard link to the glossary", async () => {
    mkdirSync(join(cwd, "out", "2017"), { recursive: true });
    linkSync(join(cwd, GLOSSARY), join(cwd, "out", "2017", `${STEM}.md`));
    expect(await expectRefused(["build", "2017"], GLOSSARY, `out/2017/${STEM}.md`)).toContain(`the glossary ${GLOSSARY}`);
  });

  it("but a symlink in the output folder is replaced as a link, and the plan it pointed to is kept", async () => {
    mkdirSync(join(cwd, "out", "2017"), { recursive: true });
    symlinkSync(join(cwd, PLAN), join(cwd, "out", "2017", `${STEM}.md`));
    const before = hashOf(PLAN);
    const result = await runCli(["build", "2017", "--format", "md"], cwd);
    expect(result.code, result.stderr).toBe(0);
    expect(lstatSync(join(cwd, "out", "2017", `${STEM}.md`)).isFile()).toBe(true);
    expect(hashOf(PLAN)).toBe(before);
  });

  it("calendar --out onto an input", async () => {
    mkdirSync(join(cwd, "cal", "2017"), { recursive: true });
    linkSync(join(cwd, PLAN), join(cwd, "cal", "2017", `${STEM}.ics`));
    expect(await expectRefused(["calendar", "2017", "--out", "cal"], PLAN)).toContain("--out cal would replace the workplan");
  });
});

describe("standard output redirected onto an input", () => {
  /** An Io whose standard output is the file `file` is (as `ctwg … > file` makes it). */
  function redirectedTo(file: string): Io & { out: () => string; err: () => string } {
    let stdout = "";
    let stderr = "";
    const stats = statSync(join(cwd, file), { bigint: true });
    return {
      stdout: {
        write: (text: string) => {
          stdout += text;
          return true;
        },
      },
      stderr: {
        write: (text: string) => {
          stderr += text;
          return true;
        },
      },
      env: {},
      cwd,
      stdoutFile: () => ({ dev: stats.dev, ino: stats.ino }),
      out: () => stdout,
      err: () => stderr,
    };
  }

  it("is refused by every command before it writes, saying what the shell did and how to get the plan back", async () => {
    for (const args of [
      ["lint", "2017"],
      ["build", "2017", "--format", "md", "--stdout"],
      ["calendar", "2017", "--stdout"],
      ["diff", "2016", "2017"],
      ["schema"],
    ]) {
      const io = redirectedTo(PLAN);
      expect(await run(args, io), args.join(" ")).toBe(2);
      expect(io.out(), args.join(" ")).toBe("");
      expect(io.err()).toBe(
        `ctwg: standard output is the workplan ${PLAN}, which ctwg reads, so nothing was written to it; a shell redirect with > emptied it before ctwg started: restore it (git restore ${PLAN}) and redirect to another file\n`,
      );
    }
  });

  it("onto the glossary too, and not onto a file of its own", async () => {
    const io = redirectedTo(GLOSSARY);
    expect(await run(["lint", "2017"], io)).toBe(2);
    expect(io.err()).toContain(`the glossary ${GLOSSARY}`);
    copyInto("report.txt", "");
    const elsewhere = redirectedTo("report.txt");
    expect(await run(["lint", "2017", "--format", "compact"], elsewhere)).toBe(0);
    expect(elsewhere.out()).toContain("[stale-date]");
  });

  it("in the real process: fstat of descriptor 1 (opened for appending, so the plan survives to be compared)", () => {
    const bin = builtBin();
    const before = hashOf(PLAN);
    const fd = openSync(join(cwd, PLAN), "a");
    try {
      const result = spawnSync(process.execPath, [bin, "lint", "2017"], { cwd, stdio: ["ignore", fd, "pipe"], encoding: "utf8" });
      expect(result.status, result.stderr).toBe(2);
      expect(result.stderr).toContain(`standard output is the workplan ${PLAN}`);
    } finally {
      closeSync(fd);
    }
    expect(hashOf(PLAN)).toBe(before);
  });
});

describe("lint --fix edits the plan where it is", () => {
  const fixable = (text: string) => replaceOnce(text, "Nha Trang, Viet Nam 21-22 February", "Nha Trang, Vietnam 21-22 February");

  it("through a symlink: the target is fixed and the link stays a link", async () => {
    mkdirSync(join(cwd, "shared"));
    renameSync(join(cwd, PLAN), join(cwd, "shared", "2017.yaml"));
    writeFileSync(join(cwd, "shared", "2017.yaml"), fixable(readFileSync(join(cwd, "shared", "2017.yaml"), "utf8")));
    symlinkSync(join("..", "shared", "2017.yaml"), join(cwd, PLAN));
    const result = await runCli(["lint", "2017", "--fix", "--format", "json"], cwd);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/fixed \d+ problems? /);
    expect(lstatSync(join(cwd, PLAN)).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(cwd, PLAN))).toBe(join("..", "shared", "2017.yaml"));
    expect(readFileSync(join(cwd, "shared", "2017.yaml"), "utf8")).toContain("Nha Trang, Viet Nam 21-22 February");
    expect(readFileSync(join(cwd, "shared", "2017.yaml"), "utf8")).not.toContain("Vietnam");
  });

  it("a 0640 plan stays 0640 (and 0600 stays 0600)", async () => {
    for (const mode of [0o640, 0o600]) {
      writeFileSync(join(cwd, PLAN), fixable(readFileSync(join(ROOT, PLAN), "utf8")));
      chmodSync(join(cwd, PLAN), mode);
      const result = await runCli(["lint", "2017", "--fix"], cwd);
      expect(result.stderr).toMatch(/fixed \d+ problems? /);
      expect(statSync(join(cwd, PLAN)).mode & 0o777, mode.toString(8)).toBe(mode);
    }
  });

  it.runIf(process.getuid?.() === 0)("keeps the plan's owner and group (as root, who may give files away)", async () => {
    writeFileSync(join(cwd, PLAN), fixable(readFileSync(join(ROOT, PLAN), "utf8")));
    chownSync(join(cwd, PLAN), 1234, 5678);
    expect((await runCli(["lint", "2017", "--fix"], cwd)).stderr).toMatch(/fixed \d+ problems? /);
    const stats = statSync(join(cwd, PLAN));
    expect([stats.uid, stats.gid]).toEqual([1234, 5678]);
  });
});
