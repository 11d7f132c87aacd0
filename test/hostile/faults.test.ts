import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Io } from "../../src/cli/io.js";
import { run } from "../../src/cli/program.js";
import { runCli, tempProject } from "../support/cli.js";
import { data2017, replaceOnce, ROOT, toYaml } from "../support/workplan.js";
import { builtBin, sha256, snapshotFiles, STACK_LINE } from "./support.js";

/**
 * Faults: builds killed part-way, two builds at once, broken input after a good build, and
 * exceptions that are not the user's mistake. The first two need real processes (bin/ctwg.js); the
 * rest run in-process.
 */

const STEM = "2017_som1_sce-cow_002";
const OUTPUTS = ["md", "html", "pdf", "docx"].map((ext) => `${STEM}.${ext}`);

let bin: string;
beforeAll(() => {
  bin = builtBin();
});

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts bin/ctwg.js with `args` in `cwd`; `exited` resolves when it ends. */
function start(args: string[], cwd: string): { kill: () => void; exited: Promise<Exit> } {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete env.SOURCE_DATE_EPOCH;
  delete env.FORCE_COLOR;
  const child = spawn(process.execPath, [bin, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<Exit>((resolve) => child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { kill: () => child.kill("SIGKILL"), exited };
}

/** The 2017 plan with `count` deliverables (its own, repeated with new ids): a PDF that takes a while. */
function largePlan(count: number): string {
  const data = data2017();
  const own = data.deliverables;
  data.deliverables = Array.from({ length: count }, (_, i) => {
    const copy = structuredClone(own[i % own.length]);
    copy.id = `${copy.id}-${i}`;
    if (typeof copy.text === "string") copy.text = `${copy.text} (${i})`;
    if (typeof copy.plan?.title === "string") copy.plan.title = `${copy.plan.title} (${i})`;
    return copy;
  });
  return toYaml(data);
}

const temporaries = (dir: string): string[] =>
  existsSync(dir) ? (readdirSync(dir, { recursive: true }) as string[]).filter((name) => name.endsWith(".tmp")) : [];

const read = (file: string): Buffer | undefined => (existsSync(file) ? readFileSync(file) : undefined);

describe("a build killed part-way (SIGKILL)", () => {
  let project: { cwd: string; cleanup: () => void };
  const reference: { old: Buffer[]; new: Buffer[] } = { old: [], new: [] };

  beforeAll(async () => {
    project = tempProject();
    // The previous outputs: the committed plan's. The new ones: a plan of 30 deliverables. Built
    // in-process, a second faster: the same code as bin/ctwg.js, which the global setup builds.
    for (const [name, outDir] of [
      ["old", "ref-old"],
      ["new", "ref-new"],
    ] as const) {
      if (name === "new") writeFileSync(join(project.cwd, "workplans", "2017.yaml"), largePlan(30));
      const { code, stderr } = await runCli(["build", "2017", "--out", outDir], project.cwd);
      expect(code, stderr).toBe(0);
      reference[name] = OUTPUTS.map((file) => readFileSync(join(project.cwd, outDir, "2017", file)));
    }
    reference.new.forEach((bytes, i) => {
      expect(bytes.equals(reference.old[i]!), OUTPUTS[i]).toBe(false);
    });
  }, 60_000);
  afterAll(() => project.cleanup());

  /** When to kill: after a delay, or as soon as the output folder shows a given state. */
  type Moment = { after: number } | { when: string; test: (dir: string) => boolean };
  const MOMENTS: Moment[] = [
    { after: 50 },
    { after: 150 },
    { after: 300 },
    { when: "a temporary file appears", test: (dir) => temporaries(dir).length > 0 },
    { when: "the Markdown is replaced", test: (dir) => Boolean(read(join(dir, OUTPUTS[0]!))?.equals(reference.new[0]!)) },
    { when: "the PDF's temporary file appears", test: (dir) => temporaries(dir).some((name) => name.includes(".pdf.")) },
  ];

  /** Runs a build of the large plan into `out`, kills it at `moment`, and returns each output's state. */
  async function killAt(out: string, moment: Moment): Promise<{ states: string[]; leftovers: number; exit: Exit }> {
    const dir = join(project.cwd, out, "2017");
    const build = start(["build", "2017", "--out", out], project.cwd);
    let ended = false;
    void build.exited.then(() => (ended = true));
    if ("after" in moment) await new Promise((resolve) => setTimeout(resolve, moment.after));
    else while (!ended && !moment.test(dir)) await new Promise((resolve) => setImmediate(resolve));
    build.kill();
    const exit = await build.exited;
    const states = OUTPUTS.map((file, i) => {
      const bytes = read(join(dir, file));
      if (!bytes) return "absent";
      if (bytes.equals(reference.new[i]!)) return "new";
      if (bytes.equals(reference.old[i]!)) return "old";
      return `torn (${bytes.length} bytes)`;
    });
    return { states, leftovers: temporaries(dir).length, exit };
  }

  it("leaves each output whole, old or new, at every moment; the next build sweeps the temporaries", async () => {
    const out = "site";
    const seen: string[] = [];
    for (const moment of MOMENTS) {
      // Each kill starts from the previous complete outputs; temporaries of earlier kills stay.
      mkdirSync(join(project.cwd, out, "2017"), { recursive: true });
      OUTPUTS.forEach((file, i) => {
        writeFileSync(join(project.cwd, out, "2017", file), reference.old[i]!);
      });
      const { states, leftovers, exit } = await killAt(out, moment);
      const label = "after" in moment ? `${moment.after} ms` : moment.when;
      seen.push(`${label}: ${states.join(", ")}; ${leftovers} temporaries; ${exit.signal ?? `exit ${exit.code}`}`);
      for (const state of states) expect(["old", "new"], `${label}: ${states.join(", ")}`).toContain(state);
    }
    if (process.env.CTWG_TEST_VERBOSE) console.log(seen.join("\n"));
    // The kills must have landed both before anything was replaced and once the renames began (all
    // are written to temporaries first, so a kill can land between two renames only by luck).
    expect(seen.join("\n")).toMatch(/old, old, old/);
    expect(seen.join("\n")).toMatch(/new, (old|new), (old|new)/);
    // The next build (in-process: the same writer) replaces them and sweeps the dead builds' temporaries.
    const last = await runCli(["build", "2017", "--out", out], project.cwd);
    expect(last.code, last.stderr).toBe(0);
    OUTPUTS.forEach((file, i) => {
      expect(readFileSync(join(project.cwd, out, "2017", file)).equals(reference.new[i]!), file).toBe(true);
    });
    expect(temporaries(join(project.cwd, out))).toEqual([]);
  }, 90_000);

  it("with no previous outputs, each is absent or new", async () => {
    const out = "fresh";
    const { states } = await killAt(out, MOMENTS[4]!);
    expect(states[0]).toBe("new");
    for (const state of states) expect(["absent", "new"]).toContain(state);
    const last = await runCli(["build", "2017", "--out", out], project.cwd);
    expect(last.code, last.stderr).toBe(0);
    expect(temporaries(join(project.cwd, out))).toEqual([]);
  }, 60_000);
});

describe("two builds of the same year at once", () => {
  it("both exit 0 and leave the same bytes as a build alone, and no temporary file", async () => {
    const project = tempProject();
    try {
      const alone = await runCli(["build", "2017", "--out", "ref"], project.cwd);
      expect(alone.code, alone.stderr).toBe(0);
      const expected = OUTPUTS.map((file) => readFileSync(join(project.cwd, "ref", "2017", file)));
      // Over previous outputs that differ, so both builds replace files the other may be replacing.
      {
        mkdirSync(join(project.cwd, "out", "2017"), { recursive: true });
        for (const file of OUTPUTS) writeFileSync(join(project.cwd, "out", "2017", file), "stale\n");
        const runs = await Promise.all([0, 1].map(() => start(["build", "2017"], project.cwd).exited));
        for (const result of runs) {
          expect(result.code, result.stderr).toBe(0);
          expect(result.stderr).not.toMatch(STACK_LINE);
        }
        OUTPUTS.forEach((file, i) => {
          expect(readFileSync(join(project.cwd, "out", "2017", file)).equals(expected[i]!), file).toBe(true);
        });
        expect(temporaries(join(project.cwd, "out"))).toEqual([]);
      }
    } finally {
      project.cleanup();
    }
  }, 60_000);
});

describe("files that must not change", () => {
  let cwd: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ cwd, cleanup } = tempProject());
    copyFileSync(join(ROOT, "test", "fixtures", "diff", "2016.yaml"), join(cwd, "workplans", "2016.yaml"));
  });
  afterAll(() => cleanup());

  it("a broken input leaves the previous outputs untouched, bytes and times", async () => {
    expect((await runCli(["build", "2017", "--out", "keep"], cwd)).code).toBe(0);
    const dir = join(cwd, "keep", "2017");
    const before = OUTPUTS.map((file) => [sha256(readFileSync(join(dir, file))), statSync(join(dir, file)).mtimeMs]);
    const file = join(cwd, "workplans", "2017.yaml");
    const good = readFileSync(file, "utf8");
    try {
      writeFileSync(file, replaceOnce(good, "kind: meeting\n      meetingNumber: 9", "kind: meting\n      meetingNumber: 9"));
      const broken = await runCli(["build", "2017", "--out", "keep"], cwd);
      expect(broken.code).toBe(1);
      writeFileSync(file, replaceOnce(good, "year: 2017\n", "year: 2017\nyear: 2018\n"));
      expect((await runCli(["build", "2017", "--out", "keep"], cwd)).code).toBe(1);
    } finally {
      writeFileSync(file, good);
    }
    expect(OUTPUTS.map((file) => [sha256(readFileSync(join(dir, file))), statSync(join(dir, file)).mtimeMs])).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual([...OUTPUTS].sort());
  });

  it("build, lint, diff, calendar and new never modify their inputs", async () => {
    const inputs = ["workplans/2016.yaml", "workplans/2017.yaml", "workplans/glossary.yaml"];
    const hashes = () => inputs.map((file) => sha256(readFileSync(join(cwd, file))));
    const before = hashes();
    const commands = [
      ["build", "2017"],
      ["build", "workplans"],
      ["lint", "2016", "2017", "--format", "json"],
      ["lint", "2017", "--output", "lint.txt"],
      ["diff", "2016", "2017"],
      ["diff", "2016", "2017", "--format", "html", "--output", "redline.html"],
      ["calendar", "2017"],
      ["new", "2018", "--from", "2017"],
    ];
    for (const args of commands) {
      const result = await runCli(args, cwd);
      expect(result.code, `${args.join(" ")}: ${result.stderr}`).toBeLessThan(2);
      expect(hashes(), args.join(" ")).toEqual(before);
    }
  });

  it("a build writes nothing outside its output folder", async () => {
    const before = snapshotFiles(cwd);
    const result = await runCli(["build", "2017", "--out", "site/inner"], cwd);
    expect(result.code).toBe(0);
    const after = snapshotFiles(cwd);
    const changed = [...after].filter(([file, hash]) => before.get(file) !== hash).map(([file]) => file);
    expect(changed.sort()).toEqual(OUTPUTS.map((file) => join("site", "inner", "2017", file)).sort());
    expect([...before.keys()].filter((file) => !after.has(file))).toEqual([]);
  });

  it("a document symbol shaped like a path cannot lead the outputs out of the folder", async () => {
    const project = tempProject();
    try {
      const file = join(project.cwd, "workplans", "2017.yaml");
      writeFileSync(
        file,
        replaceOnce(readFileSync(file, "utf8"), "  symbol: 2017/SOM1/SCE-COW/002", "  symbol: 2017/../../../../../../tmp/ctwg-escape/002"),
      );
      // With the rule that would refuse the symbol turned off, the build goes ahead.
      writeFileSync(join(project.cwd, "ctwg.config.yaml"), "lint:\n  rules:\n    symbol-shape: off\n");
      const before = snapshotFiles(project.cwd);
      const result = await runCli(["build", "2017", "--out", "site", "--format", "md"], project.cwd);
      expect(result.code, result.stderr).toBe(0);
      const added = [...snapshotFiles(project.cwd).keys()].filter((f) => !before.has(f));
      expect(added).toEqual([join("site", "2017", "2017_tmp_ctwg-escape_002.md")]);
      expect(existsSync("/tmp/ctwg-escape")).toBe(false);
    } finally {
      project.cleanup();
    }
  });
});

describe("internal errors", () => {
  /** An Io whose stdout throws `error` on the first write. */
  function throwingIo(error: unknown): Io & { stderr: { write(text: string): boolean }; err: () => string } {
    let stderr = "";
    return {
      stdout: {
        write: () => {
          throw error;
        },
      },
      stderr: {
        write: (text: string) => {
          stderr += text;
          return true;
        },
      },
      env: {},
      cwd: ROOT,
      err: () => stderr,
    };
  }

  it("an exception that is not the user's mistake: exit 2, says it is a bug and how to report it, no stack", async () => {
    const io = throwingIo(new Error("the terminal went away"));
    expect(await run(["schema"], io)).toBe(2);
    const lines = io.err().trimEnd().split("\n");
    expect(lines[0]).toMatch(/^ctwg: internal error, this is a bug: the terminal went away \(please report it .*--verbose\)$/);
    expect(lines).toHaveLength(1);
    expect(io.err()).not.toMatch(STACK_LINE);
  });

  it("--verbose adds the stack", async () => {
    const io = throwingIo(new Error("the terminal went away"));
    expect(await run(["schema", "--verbose"], io)).toBe(2);
    expect(io.err()).toMatch(/^ctwg: internal error, this is a bug: the terminal went away \(please report it[^\n]*\)\n/);
    expect(io.err()).toMatch(STACK_LINE);
    expect(io.err()).toContain("faults.test.ts");
  });

  it("something thrown that is not an Error", async () => {
    const io = throwingIo("a string");
    expect(await run(["schema"], io)).toBe(2);
    expect(io.err()).toMatch(/^ctwg: internal error, this is a bug: a string \(/);
  });

  it("an I/O error (EPIPE) is an I/O error, not a bug: one line", async () => {
    const io = throwingIo(Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
    expect(await run(["schema"], io)).toBe(2);
    expect(io.err()).toBe("ctwg: write EPIPE\n");
  });

  it("during a build: the same, and the outputs written before it stay whole", async () => {
    const project = tempProject();
    try {
      const io = throwingIo(new Error("boom"));
      io.cwd = project.cwd;
      expect(await run(["build", "2017", "--format", "md"], io)).toBe(2);
      expect(io.err()).toContain("ctwg: internal error, this is a bug: boom");
      expect(io.err()).not.toMatch(STACK_LINE);
      expect(readFileSync(join(project.cwd, "out", "2017", OUTPUTS[0]!), "utf8")).toContain("# Counter-Terrorism");
      expect(temporaries(join(project.cwd, "out"))).toEqual([]);
    } finally {
      project.cleanup();
    }
  });
});

describe("the real process", () => {
  it("a named pipe not called .yaml is not opened (it would block)", async () => {
    const project = tempProject();
    try {
      const { execFileSync } = await import("node:child_process");
      execFileSync("mkfifo", [join(project.cwd, "passwd")]);
      const started = performance.now();
      const exit = await start(["lint", "passwd", "--format", "compact"], project.cwd).exited;
      expect(exit.code).toBe(1);
      expect(exit.stdout).toContain("[input/not-yaml]");
      expect(performance.now() - started).toBeLessThan(5000);
    } finally {
      project.cleanup();
    }
  });

  // Was a bug, fixed in a646220: read-source.ts opens the file before it checks what it is, and
  // opening a named pipe blocks until something writes to it, so `ctwg lint plans.yaml` on a FIFO
  // (or a folder holding one) hangs forever instead of answering input/not-a-file. stat() before
  // open() would not block.
  it("a named pipe called .yaml is reported, not waited on", async () => {
    const project = tempProject();
    try {
      const { execFileSync } = await import("node:child_process");
      execFileSync("mkfifo", [join(project.cwd, "plans.yaml")]);
      const lint = start(["lint", "plans.yaml", "--format", "compact"], project.cwd);
      const timer = setTimeout(lint.kill, 3000);
      const exit = await lint.exited;
      clearTimeout(timer);
      expect(exit.signal).toBeNull();
      expect(exit.stdout).toContain("[input/not-a-file]");
    } finally {
      project.cleanup();
    }
  }, 15_000);

  // Was a bug, fixed in a646220: a mapping used as a key (`? [a, b]`) makes the yaml package call
  // process.emitWarning ("(node:1234) Warning: Keys with collection values will be stringified …"),
  // which Node prints to stderr beside ctwg's own diagnostic; `--format json` consumers see stray
  // text. The parseDocument/toJS options can turn the package's warnings off (logLevel "error").
  it("a mapping used as a key: only ctwg's diagnostic, nothing on stderr", async () => {
    const project = tempProject();
    try {
      const file = join(project.cwd, "workplans", "2017.yaml");
      writeFileSync(file, replaceOnce(readFileSync(file, "utf8"), "forum: CTWG\n", "forum: CTWG\n? [a, b]\n: c\n"));
      const exit = await start(["lint", "2017", "--format", "json"], project.cwd).exited;
      expect(exit.code).toBe(1);
      expect(JSON.parse(exit.stdout).map((f: { ruleId: string }) => f.ruleId)).toEqual(["schema/unknown-key"]);
      expect(exit.stderr).toBe("");
    } finally {
      project.cleanup();
    }
  });
});
