#!/usr/bin/env node
// The benchmark: times whole `ctwg` processes (and the floor, `node -e 0`, and pandoc where it is
// installed) and writes BENCHMARKS.md. Run it with `npm run bench`; `--tiny` is a quick smoke run.
//
// How: every figure is the wall-clock time of one child process, spawnSync between two readings of
// process.hrtime.bigint(), run from a temporary copy of workplans/ so the repository is never written.
// Each command runs a few warm-up times (discarded; they run under GNU time to read the peak memory)
// and then N timed times; the tables give min / median / max. Commands that are compared run next to
// each other in every round, in alternating order, and a ratio is the median of the per-round ratios,
// so it holds when the machine's speed drifts during the run. Nothing here is asserted by a test.
import { spawn, spawnSync } from "node:child_process";
import {
  accessSync, closeSync, constants, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync,
  readdirSync, readFileSync, rmSync, statSync, writeFileSync,
} from "node:fs";
import os from "node:os";
import { delimiter, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { installPacked } from "./install-packed.mjs";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const BIN = join(ROOT, "bin", "ctwg.js");
const BUNDLE = join(ROOT, "dist", "bundle", "ctwg.cjs");
const NODE = process.execPath;
const STEM = "2017_som1_sce-cow_002";

// ---------------------------------------------------------------------------------------------------
// Options

const USAGE = `usage: node scripts/bench.mjs [--runs N] [--warmup N] [--tiny] [--output FILE]

  --runs N       timed runs of each command (default 15)
  --warmup N     warm-up runs before them, not timed; peak memory is read from them (default 2)
  --tiny         a quick run: 2 runs, 1 warm-up, scale sizes 2 and 5, no largest file, no pandoc
  --output FILE  where to write the report (default BENCHMARKS.md)
`;

function options() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        runs: { type: "string" },
        warmup: { type: "string" },
        tiny: { type: "boolean", default: false },
        output: { type: "string", default: "BENCHMARKS.md" },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    process.stderr.write(`bench: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
  if (parsed.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const count = (name, value, fallback, min) => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) {
      process.stderr.write(`bench: --${name} takes a whole number of at least ${min}, not "${value}"\n`);
      process.exit(2);
    }
    return n;
  };
  const tiny = parsed.tiny;
  return {
    tiny,
    runs: count("runs", parsed.runs, tiny ? 2 : 15, 1),
    warmup: count("warmup", parsed.warmup, tiny ? 1 : 2, 0),
    output: resolve(process.cwd(), parsed.output),
    scaleSizes: tiny ? [2, 5] : [10, 100, 1000],
    argv: process.argv.slice(2),
  };
}

// ---------------------------------------------------------------------------------------------------
// Small helpers

const progress = (text) => process.stderr.write(`bench: ${text}\n`);
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** The full path of an executable on PATH (or given absolutely), or undefined. */
function which(name) {
  const candidates = name.includes("/") ? [name] : (process.env.PATH ?? "").split(delimiter).filter(Boolean).map((dir) => join(dir, name));
  for (const path of candidates) {
    try {
      accessSync(path, constants.X_OK);
      if (statSync(path).isFile()) return path;
    } catch {
      // not there
    }
  }
  return undefined;
}

function firstLine(command, args) {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 10_000 });
  return `${result.stdout ?? ""}${result.stderr ?? ""}`.split("\n").map((l) => l.trim()).find(Boolean) ?? "";
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function stats(values) {
  return { min: Math.min(...values), median: median(values), max: Math.max(...values), n: values.length };
}

/** Milliseconds as printed: one decimal under 100 ms, whole above. */
function ms(value) {
  if (value === undefined || Number.isNaN(value)) return "—";
  return Math.abs(value) < 100 ? value.toFixed(1) : Math.round(value).toLocaleString("en-US");
}
const mb = (kb) => (kb === undefined ? "—" : (kb / 1024).toFixed(0));
const ratio = (value) => (value === undefined ? "—" : `${value.toFixed(2)}×`);
const bytes = (n) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MiB` : `${(n / 1024).toFixed(1)} KiB`);
const yesNo = (ok) => (ok === undefined ? "—" : ok ? "✓" : "✗");

function newest(folder) {
  return readdirSync(folder, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(folder, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);
}

/**
 * The built CLI, built first (`npm run build`) when it is missing or older than src/ or templates/,
 * so the figures are for the sources as they are. CTWG_BENCH_NO_BUILD=1 (set by the smoke test,
 * whose setup has built it) measures the build as it is: rebuilding would replace dist/ under the
 * other tests while they run it.
 */
function ensureBuilt() {
  const sources = ["src", "templates"].map((dir) => join(ROOT, dir)).filter((dir) => existsSync(dir));
  const current = existsSync(BUNDLE) && sources.every((dir) => statSync(BUNDLE).mtimeMs >= newest(dir));
  if (current) return "built from the current src/ and templates/";
  if (process.env.CTWG_BENCH_NO_BUILD === "1") {
    if (!existsSync(BUNDLE)) {
      process.stderr.write("bench: the CLI is not built (dist/bundle/ctwg.cjs is missing); run `npm run build` first\n");
      process.exit(1);
    }
    progress("warning: dist/bundle/ is older than src/ or templates/; measuring it as it is (CTWG_BENCH_NO_BUILD=1)");
    return "**older than src/ or templates/** (CTWG_BENCH_NO_BUILD=1: the figures are for that older build)";
  }
  progress("the built CLI is missing or older than src/ or templates/; building it with `npm run build`");
  // stdout to stderr: the benchmark's own output is its report file and its progress.
  const result = spawnSync(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "build"], { stdio: ["ignore", 2, 2], cwd: ROOT });
  if (result.status !== 0) {
    process.stderr.write(`bench: \`npm run build\` failed (${result.error?.message ?? `exit ${result.status}`}); fix it, then run the benchmark again\n`);
    process.exit(1);
  }
  return "built by the benchmark from the current src/ and templates/ before it ran";
}

/** The largest workplan file ctwg accepts, from the compiled source (the constant MAX_SOURCE_BYTES). */
async function maxSourceBytes() {
  try {
    const module = await import(new URL("../dist/parse/parse-workplan.js", import.meta.url).href);
    if (Number.isInteger(module.MAX_SOURCE_BYTES)) return module.MAX_SOURCE_BYTES;
  } catch {
    // fall back to reading the source
  }
  const source = readFileSync(join(ROOT, "src/parse/parse-workplan.ts"), "utf8");
  const expression = /MAX_SOURCE_BYTES\s*=\s*([\d_\s*]+);/.exec(source)?.[1];
  if (!expression) throw new Error("MAX_SOURCE_BYTES not found in src/parse/parse-workplan.ts");
  return expression.split("*").reduce((product, factor) => product * Number(factor.replaceAll("_", "").trim()), 1);
}

// ---------------------------------------------------------------------------------------------------
// Running one process

const ENV = { ...process.env, NO_COLOR: "1" };
delete ENV.FORCE_COLOR;
delete ENV.SOURCE_DATE_EPOCH;

let scratch; // the bench's temporary folder, for output files
const loadSamples = []; // the 1-minute load average at the start of every round

/**
 * A command to time. `label` is how the report shows it; `before` runs untimed before every run (it
 * removes the previous run's outputs, so each build writes its documents as a first build does).
 */
function command(label, file, args, cwd, before) {
  return { label, file, args, cwd, before };
}
const ctwg = (label, args, cwd, before) => command(label, NODE, [BIN, ...args], cwd, before);

/**
 * Runs the command once; its time in milliseconds and, under GNU time, its peak resident set in KB.
 * Output goes to files (not pipes), so a process that prints a lot is neither slowed nor cut off.
 */
function runOnce(cmd, { memory = false } = {}) {
  cmd.before?.();
  const outPath = join(scratch, "run.out");
  const errPath = join(scratch, "run.err");
  const memPath = join(scratch, "run.mem");
  const out = openSync(outPath, "w");
  const err = openSync(errPath, "w");
  const measured = memory && GNU_TIME;
  const [file, args] = measured ? [GNU_TIME, ["-o", memPath, "-f", "%M", cmd.file, ...cmd.args]] : [cmd.file, cmd.args];
  let result;
  const start = process.hrtime.bigint();
  try {
    result = spawnSync(file, args, { cwd: cmd.cwd, env: ENV, stdio: ["ignore", out, err] });
  } finally {
    closeSync(out);
    closeSync(err);
  }
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error || result.status !== 0) {
    const tail = readFileSync(errPath, "utf8").split("\n").slice(-8).join("\n");
    throw new Error(`\`${cmd.label}\` failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`}) in ${cmd.cwd}:\n${tail}`);
  }
  let kb;
  if (measured) kb = Number(readFileSync(memPath, "utf8").trim().split("\n").at(-1));
  return { ms: elapsed, kb: Number.isFinite(kb) ? kb : undefined };
}

/**
 * Runs groups of commands in rounds: `warmup` untimed rounds (under GNU time, for the peak memory),
 * then `runs` timed ones. In each round the groups take turns at going first, and the commands of a
 * group run back to back, first to last in even rounds and last to first in odd ones, so a group's
 * ratios compare runs made seconds apart, never minutes.
 */
function rounds(groups, { runs, warmup, name }) {
  const results = new Map(groups.flat().map((cmd) => [cmd, { times: [], kb: [] }]));
  const total = warmup + runs;
  for (let round = 0; round < total; round++) {
    const timed = round >= warmup;
    loadSamples.push(os.loadavg()[0]);
    progress(`${name}: ${timed ? `run ${round - warmup + 1} of ${runs}` : `warm-up ${round + 1} of ${warmup}`}`);
    const shift = round % groups.length;
    const order = [...groups.slice(shift), ...groups.slice(0, shift)];
    for (const group of order) {
      for (const cmd of round % 2 ? [...group].reverse() : group) {
        const { ms: time, kb } = runOnce(cmd, { memory: !timed });
        const entry = results.get(cmd);
        if (timed) entry.times.push(time);
        if (kb !== undefined) entry.kb.push(kb);
      }
    }
  }
  // No warm-up: one more run, untimed, for the memory.
  if (warmup === 0 && GNU_TIME) {
    for (const cmd of groups.flat()) {
      const { kb } = runOnce(cmd, { memory: true });
      if (kb !== undefined) results.get(cmd).kb.push(kb);
    }
  }
  for (const entry of results.values()) {
    entry.stats = stats(entry.times);
    entry.peakKb = entry.kb.length ? Math.max(...entry.kb) : undefined;
  }
  return results;
}

/** The per-round ratios a/b (same round, run back to back) and their statistics. */
function pairedRatio(a, b) {
  const values = a.times.map((time, i) => time / b.times[i]);
  return { ...stats(values), ofMedians: a.stats.median / b.stats.median };
}

// ---------------------------------------------------------------------------------------------------
// Generated inputs

/**
 * The 2017 plan as plan number `i` of many: every year in it shifted to one of 1995…2084 (dates,
 * symbols, mandate sources and text alike, so it stays consistent), the document symbol's serial
 * numbered so every plan writes its own files, and the ids of its deliverables and areas made its own.
 */
function variant(text, i) {
  const year = 1995 + (i % 90);
  const delta = year - 2017;
  const serial = String(1 + Math.floor(i / 90)).padStart(3, "0");
  return text
    .replace(/\b(?:19|20)\d\d\b/g, (y) => String(Number(y) + delta))
    .replace(/^(\s*symbol: \d{4}\/[A-Z0-9-]+\/[A-Z0-9-]+\/)\d{3}\s*$/m, `$1${serial}`)
    .replace(/^(\s*- id: [a-z0-9-]+)\s*$/gm, `$1-v${i + 1}`);
}

const ordinal = (n) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? "th" : ["th", "st", "nd", "rd"][n % 10] ?? "th"}`;

/**
 * The 2017 plan with its deliverables repeated until one more copy would pass `limit` bytes. Each
 * copy has its own ids, titles ("Copy 3. Hold …") and meeting numbers, so the file is valid and its
 * warnings are the 2017 plan's own slips, repeated.
 */
function largestPlan(text, limit) {
  const marker = "\ndeliverables:\n";
  const at = text.indexOf(marker);
  if (at < 0) throw new Error("workplans/2017.yaml has no top-level `deliverables:`");
  const head = text.slice(0, at + marker.length);
  const block = text.slice(at + marker.length);
  const meetings = (block.match(/^ +meetingNumber: \d+\s*$/gm) ?? []).length;
  const copy = (k) =>
    k === 0
      ? block
      : block
          .replace(/^( +- id: [a-z0-9-]+)\s*$/gm, `$1-copy-${k}`)
          .replace(/^( {4}text: | {6}title: )>-\n( +)/gm, `$1>-\n$2Copy ${k}.\n$2`)
          .replace(/^( {4}text: | {6}title: )(?!>-)(.+)$/gm, `$1Copy ${k}. $2`)
          .replace(/^( +meetingNumber: )(\d+)\s*$/gm, (_, key, n) => key + (Number(n) + meetings * k))
          .replace(/\b(\d+)(?:st|nd|rd|th)(?= Counter Terrorism Working Group)/g, (_, n) => ordinal(Number(n) + meetings * k));
  const parts = [head];
  let size = Buffer.byteLength(head);
  let copies = 0;
  for (;;) {
    const next = copy(copies);
    const nextSize = Buffer.byteLength(next);
    if (size + nextSize > limit) break;
    parts.push(next);
    size += nextSize;
    copies++;
  }
  const deliverables = copies * (block.match(/^ {2}- id: /gm) ?? []).length;
  return { text: parts.join(""), size, copies, deliverables };
}

/** A folder holding workplans/ with the glossary, as ctwg expects to find it. */
function project(name, plans = {}) {
  const dir = join(scratch, name);
  mkdirSync(join(dir, "workplans"), { recursive: true });
  copyFileSync(join(ROOT, "workplans", "glossary.yaml"), join(dir, "workplans", "glossary.yaml"));
  for (const [file, text] of Object.entries(plans)) writeFileSync(join(dir, "workplans", file), text);
  return dir;
}

const clean = (path) => () => rmSync(path, { recursive: true, force: true });

// ---------------------------------------------------------------------------------------------------
// The sections

/** `node -e 0`, the ctwg commands on the 2017 plan, and pandoc on the same content. */
function singleCommands(opts, pandoc) {
  const dir = project("single", { "2017.yaml": readFileSync(join(ROOT, "workplans", "2017.yaml"), "utf8") });
  mkdirSync(join(dir, "fixtures"));
  copyFileSync(join(ROOT, "test", "fixtures", "diff", "2016.yaml"), join(dir, "fixtures", "2016.yaml"));
  const out = clean(join(dir, "out"));
  const floor = command("node -e 0", NODE, ["-e", "0"], dir);
  const lint = ctwg("ctwg lint 2017", ["lint", "2017"], dir);
  const mdHtml = ctwg("ctwg build 2017 --format md,html", ["build", "2017", "--format", "md,html"], dir, out);
  const pdf = ctwg("ctwg build 2017 --format pdf", ["build", "2017", "--format", "pdf"], dir, out);
  const all = ctwg("ctwg build 2017", ["build", "2017"], dir, out);
  const diff = ctwg("ctwg diff fixtures/2016.yaml 2017", ["diff", "fixtures/2016.yaml", "2017"], dir);
  // The package as a plan repository installs it, against this clone: the same start-up is the aim.
  const installed = installPacked(join(scratch, "package"));
  const packedVersion = command("ctwg --version (installed package)", NODE, [installed.bin, "--version"], dir);
  const cloneVersion = ctwg("ctwg --version (this clone)", ["--version"], dir);

  // pandoc converts the Markdown that ctwg writes.
  let pandocHtml;
  let pandocPdf;
  if (pandoc.html.available || pandoc.pdf.available) {
    const pandocDir = join(scratch, "pandoc");
    mkdirSync(pandocDir);
    runOnce(ctwg("ctwg build 2017 --format md", ["build", "2017", "--format", "md", "--out", pandocDir], dir));
    copyFileSync(join(pandocDir, "2017", `${STEM}.md`), join(pandocDir, "out.md"));
    pandoc.inputBytes = statSync(join(pandocDir, "out.md")).size;
    const tryOnce = (which, cmd) => {
      try {
        runOnce(cmd);
        return cmd;
      } catch (error) {
        which.available = false;
        which.reason = `installed, but failed here: ${String(error.message).split("\n").filter(Boolean).slice(-3).join(" / ")}`;
        progress(`${cmd.label}: ${which.reason}`);
        return undefined;
      }
    };
    if (pandoc.html.available) {
      pandocHtml = tryOnce(pandoc.html, command("pandoc out.md -s -o x.html", pandoc.path, ["out.md", "-s", "-o", "x.html"], pandocDir));
    }
    if (pandoc.pdf.available) {
      pandocPdf = tryOnce(
        pandoc.pdf,
        command("pandoc out.md -s -o x.pdf --pdf-engine=wkhtmltopdf --pdf-engine-opt=--quiet", pandoc.path,
          ["out.md", "-s", "-o", "x.pdf", "--pdf-engine=wkhtmltopdf", "--pdf-engine-opt=--quiet"], pandocDir),
      );
    }
  }
  const groups = [[floor, lint], [mdHtml, pandocHtml].filter(Boolean), [all, pandocPdf].filter(Boolean), [pdf], [diff], [packedVersion, cloneVersion]];
  const results = rounds(groups, { ...opts, name: "single commands" });
  const get = (cmd) => (cmd ? results.get(cmd) : undefined);
  return {
    rows: groups.flat().map((cmd) => ({ label: cmd.label, ...get(cmd) })),
    floor: get(floor),
    lint: get(lint),
    mdHtml: get(mdHtml),
    all: get(all),
    pandocHtml: get(pandocHtml),
    pandocPdf: get(pandocPdf),
    ratios: [
      { label: "`ctwg lint 2017` / `node -e 0`", ...pairedRatio(get(lint), get(floor)) },
      pandocHtml && { label: "`ctwg build 2017 --format md,html` / pandoc to HTML", ...pairedRatio(get(mdHtml), get(pandocHtml)) },
      pandocPdf && { label: "`ctwg build 2017` (md, html, pdf) / pandoc + wkhtmltopdf to PDF", ...pairedRatio(get(all), get(pandocPdf)) },
      { label: "`ctwg --version`, installed package / this clone", ...pairedRatio(get(packedVersion), get(cloneVersion)) },
    ].filter(Boolean),
  };
}

/** `ctwg lint DIR` and `ctwg build DIR --format md,html` over 1 and then many generated plans. */
function scale(opts) {
  const text = readFileSync(join(ROOT, "workplans", "2017.yaml"), "utf8");
  const dir = project("scale");
  const sizes = [1, ...opts.scaleSizes];
  const largest = Math.max(...sizes);
  progress(`scale: writing ${largest.toLocaleString("en-US")} generated workplans`);
  const variants = Array.from({ length: largest }, (_, i) => variant(text, i));
  const groups = sizes.map((n) => {
    const plans = join(dir, `plans-${n}`);
    mkdirSync(plans);
    for (let i = 0; i < n; i++) writeFileSync(join(plans, `plan-${String(i + 1).padStart(4, "0")}.yaml`), variants[i]);
    const out = join(dir, `out-${n}`);
    return [
      ctwg(`ctwg lint plans-${n}`, ["lint", `plans-${n}`], dir),
      ctwg(`ctwg build plans-${n} --format md,html --out out-${n}`, ["build", `plans-${n}`, "--format", "md,html", "--out", `out-${n}`], dir, clean(out)),
    ];
  });
  const results = rounds(groups, { ...opts, name: "scale" });
  const rows = sizes.map((n, k) => ({ n, lint: results.get(groups[k][0]), build: results.get(groups[k][1]) }));
  const analyse = (pick) => {
    const one = pick(rows[0]).stats.median;
    const points = rows.slice(1).map((row) => ({ n: row.n, t: pick(row).stats.median }));
    return { one, perFile: rows.slice(1).map((row) => (pick(row).stats.median - one) / (row.n - 1)), ...fit(points) };
  };
  return { sizes: opts.scaleSizes, rows, lint: analyse((row) => row.lint), build: analyse((row) => row.build), fileBytes: Buffer.byteLength(variants[0]) };
}

/**
 * Least squares t = a + b·n over the sizes, with R², and the per-file cost between successive sizes.
 * Growth is called linear when the last step's per-file cost is within ±25% of the first step's;
 * lower is sublinear (start-up costs amortised), higher superlinear.
 */
function fit(points) {
  const k = points.length;
  const meanN = points.reduce((s, p) => s + p.n, 0) / k;
  const meanT = points.reduce((s, p) => s + p.t, 0) / k;
  const sxx = points.reduce((s, p) => s + (p.n - meanN) ** 2, 0);
  const sxy = points.reduce((s, p) => s + (p.n - meanN) * (p.t - meanT), 0);
  const b = sxy / sxx;
  const a = meanT - b * meanN;
  const ssTot = points.reduce((s, p) => s + (p.t - meanT) ** 2, 0);
  const ssRes = points.reduce((s, p) => s + (p.t - (a + b * p.n)) ** 2, 0);
  const steps = points.slice(1).map((p, i) => ({ from: points[i].n, to: p.n, perFile: (p.t - points[i].t) / (p.n - points[i].n) }));
  const growth = steps.length < 2 ? undefined : steps.at(-1).perFile / steps[0].perFile;
  const shape = growth === undefined ? "not enough sizes to tell" : growth > 1.25 ? "superlinear" : growth < 0.75 ? "sublinear" : "linear";
  return { a, b, r2: ssTot === 0 ? 1 : 1 - ssRes / ssTot, steps, growth, shape };
}

/** The largest file ctwg accepts: lint, and the builds, of a plan just under MAX_SOURCE_BYTES. */
function largestFile(opts, limit) {
  const plan = largestPlan(readFileSync(join(ROOT, "workplans", "2017.yaml"), "utf8"), limit);
  const dir = project("largest", { "2017.yaml": plan.text });
  const pdfDir = project("largest-all", { "2017.yaml": plan.text }); // where the last PDF stays, to count its pages
  const lint = ctwg("ctwg lint 2017", ["lint", "2017"], dir);
  const lintResults = rounds([[lint]], { ...opts, name: "largest file, lint" });
  // The builds take seconds (the PDF tens of seconds): fewer runs.
  const buildOpts = { runs: Math.min(opts.runs, 3), warmup: Math.min(opts.warmup, 1) };
  const mdHtml = ctwg("ctwg build 2017 --format md,html", ["build", "2017", "--format", "md,html"], dir, clean(join(dir, "out")));
  const all = ctwg("ctwg build 2017", ["build", "2017"], pdfDir, clean(join(pdfDir, "out")));
  const buildResults = rounds([[mdHtml], [all]], { ...buildOpts, name: "largest file, builds" });
  const lintOutput = spawnSync(NODE, [BIN, "lint", "2017", "--format", "json"], { cwd: dir, env: ENV, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  let warnings;
  try {
    const diagnostics = JSON.parse(lintOutput.stdout);
    const errors = diagnostics.filter((d) => d.severity === "error").length;
    if (errors > 0) throw new Error(`the generated largest plan has ${errors} errors; it must be an accepted file`);
    warnings = diagnostics.filter((d) => d.severity === "warning").length;
  } catch (error) {
    if (/must be an accepted file/.test(error.message)) throw error;
    warnings = undefined;
  }
  const pages = (() => {
    try {
      const pdf = readFileSync(join(pdfDir, "out", "2017", `${STEM}.pdf`), "latin1");
      return (pdf.match(/\/Type\s*\/Page\b/g) ?? []).length || undefined;
    } catch {
      return undefined;
    }
  })();
  return {
    ...plan,
    limit,
    warnings,
    pages,
    buildRuns: buildOpts,
    rows: [
      { label: "ctwg lint 2017", ...lintResults.get(lint) },
      { label: "ctwg build 2017 --format md,html", ...buildResults.get(mdHtml) },
      { label: "ctwg build 2017 (md, html, pdf)", ...buildResults.get(all) },
    ],
  };
}

/**
 * `ctwg build 2017 --watch --format md,html` as a child process: save the plan several times and read
 * the "✓ N ms Checked / Markdown / HTML" lines each rebuild prints. Also the time from the save to
 * the "✓ wrote ….html" line as this process sees it, which adds the watcher's 60 ms debounce and the
 * file system's notice.
 */
async function watchRebuilds(opts) {
  const original = readFileSync(join(ROOT, "workplans", "2017.yaml"), "utf8");
  const dir = project("watch", { "2017.yaml": original });
  const file = join(dir, "workplans", "2017.yaml");
  // A real edit, back and forth, so every save changes both documents.
  const from = "Viet Nam 21-22 February";
  const to = "Viet Nam 20-22 February";
  if (!original.includes(from)) throw new Error(`workplans/2017.yaml no longer contains "${from}", the text the watch benchmark edits`);
  const saves = Math.max(1, Math.min(opts.runs, 7));
  const warm = opts.warmup;
  const child = spawn(NODE, [BIN, "build", "2017", "--watch", "--format", "md,html"], { cwd: dir, env: ENV, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  const arrivals = []; // [offset in stdout, time] of each chunk
  child.stdout.setEncoding("utf8").on("data", (chunk) => {
    stdout += chunk;
    arrivals.push([stdout.length, process.hrtime.bigint()]);
  });
  child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
  let exited = false;
  const exit = new Promise((done) => child.on("exit", (code, signal) => { exited = true; done({ code, signal }); }));
  const waitFor = async (test, what, timeout = 20_000) => {
    const until = Date.now() + timeout;
    while (!test()) {
      if (exited) throw new Error(`ctwg build --watch ended while waiting for ${what}:\n${stdout}\n${stderr}`);
      if (Date.now() > until) throw new Error(`ctwg build --watch: no ${what} within ${timeout / 1000} s:\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`);
      await sleep(5);
    }
  };
  const HTML_WRITTEN = /^✓ wrote .*\.html$/m;
  const rebuilds = [];
  let extra = 0;
  try {
    await waitFor(() => /^watching /m.test(stdout), "\"watching\" line");
    await sleep(300); // the watcher starts right after that line
    for (let save = 0; save < warm + saves; save++) {
      progress(`--watch: ${save < warm ? `warm-up save ${save + 1} of ${warm}` : `save ${save - warm + 1} of ${saves}`}`);
      const mark = stdout.length;
      const text = readFileSync(file, "utf8");
      const [a, b] = text.includes(from) ? [from, to] : [to, from];
      const start = process.hrtime.bigint();
      writeFileSync(file, text.replace(a, b));
      await waitFor(() => HTML_WRITTEN.test(stdout.slice(mark)), "rebuild after a save");
      const seen = arrivals.find(([offset]) => offset > mark && HTML_WRITTEN.test(stdout.slice(mark, offset)))?.[1] ?? process.hrtime.bigint();
      // A late event of the same save may start a second rebuild: let it finish before the next save.
      await sleep(400);
      const after = stdout.slice(mark);
      const changed = (after.match(/^workplans\/2017\.yaml changed$/gm) ?? []).length;
      if (changed > 1) {
        extra += changed - 1;
        await waitFor(() => (stdout.slice(mark).match(/^(✓ wrote|= unchanged) .*\.html$/gm) ?? []).length >= changed, "the second rebuild");
      }
      const step = (name) => Number(new RegExp(`^✓ (\\d+) ms ${name}$`, "m").exec(after)?.[1]);
      const rebuild = { checked: step("Checked"), markdown: step("Markdown"), html: step("HTML"), seen: Number(seen - start) / 1e6 };
      rebuild.sum = rebuild.checked + rebuild.markdown + rebuild.html;
      if (Number.isNaN(rebuild.sum)) throw new Error(`ctwg build --watch printed no step times for a rebuild:\n${after}`);
      if (save >= warm) rebuilds.push(rebuild);
    }
  } finally {
    child.kill("SIGTERM");
    const stopped = await Promise.race([exit, sleep(5000).then(() => undefined)]);
    if (!stopped) child.kill("SIGKILL");
  }
  return {
    rebuilds,
    extra,
    warm,
    sum: stats(rebuilds.map((r) => r.sum)),
    seen: stats(rebuilds.map((r) => r.seen)),
    checked: median(rebuilds.map((r) => r.checked)),
    markdown: median(rebuilds.map((r) => r.markdown)),
    html: median(rebuilds.map((r) => r.html)),
  };
}

// ---------------------------------------------------------------------------------------------------
// The machine

function machine(pandoc) {
  const cpus = os.cpus();
  let distro;
  try {
    distro = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync("/etc/os-release", "utf8"))?.[1];
  } catch {
    distro = undefined;
  }
  const git = (args) => {
    const result = spawnSync("git", ["--no-optional-locks", ...args], { cwd: ROOT, encoding: "utf8" });
    return result.status === 0 ? result.stdout.trim() : undefined;
  };
  const commit = git(["rev-parse", "--short", "HEAD"]);
  const dirty = git(["status", "--porcelain", "--", "src", "templates", "bin", "scripts/bundle.mjs", "package.json"]);
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  return {
    cpu: `${cpus[0]?.model?.trim() ?? "unknown"}${cpus[0]?.speed ? ` (${cpus[0].speed} MHz)` : ""}`,
    cores: `${cpus.length} logical (${os.availableParallelism?.() ?? cpus.length} available to Node)`,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB (${(os.freemem() / 1024 ** 3).toFixed(1)} GiB free at the start)`,
    os: `${distro ? `${distro}, ` : ""}${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    pandoc: pandoc.path ? `${pandoc.version} (${pandoc.path})` : "not installed",
    wkhtmltopdf: pandoc.wkhtmltopdf ? `${pandoc.wkhtmltopdfVersion} (${pandoc.wkhtmltopdf})` : "not installed",
    gnuTime: GNU_TIME ? `${GNU_TIME}` : "not installed: peak memory not measured",
    ctwg: `${pkg.version}${commit ? ` at commit ${commit}` : ""}${dirty === undefined ? "" : dirty ? ", with uncommitted changes to the sources" : ", working tree clean"}`,
  };
}

/** GNU time, when installed: `/usr/bin/time -f %M` prints the peak resident set in KB. */
const GNU_TIME = (() => {
  const path = which("/usr/bin/time") ?? which("gtime");
  if (!path) return undefined;
  const probe = spawnSync(path, ["-f", "%M", NODE, "-e", "0"], { encoding: "utf8" });
  return probe.status === 0 && /^\d+\s*$/m.test(probe.stderr) ? path : undefined;
})();

function findPandoc(tiny) {
  const path = which("pandoc");
  const wkhtmltopdf = which("wkhtmltopdf");
  const skipped = "skipped (--tiny)";
  return {
    path,
    version: path ? firstLine(path, ["--version"]) : undefined,
    wkhtmltopdf,
    wkhtmltopdfVersion: wkhtmltopdf ? firstLine(wkhtmltopdf, ["--version"]) : undefined,
    html: { available: Boolean(path) && !tiny, reason: tiny ? skipped : path ? "" : "pandoc is not installed" },
    pdf: {
      available: Boolean(path && wkhtmltopdf) && !tiny,
      reason: tiny ? skipped : !path ? "pandoc is not installed" : !wkhtmltopdf ? "wkhtmltopdf is not installed" : "",
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// The report

function table(head, rows, align) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map((_, i) => (align?.[i] === "l" ? "---" : "---:"))), ...rows.map(line)].join("\n");
}

function report({ opts, started, finished, build, host, pandoc, single, scaled, largest, watch, loadStart, loadEnd }) {
  const L = [];
  const load = stats(loadSamples.length ? loadSamples : [loadStart, loadEnd]);
  const timeCells = (s) => (s ? [ms(s.stats.min), ms(s.stats.median), ms(s.stats.max)] : ["—", "—", "—"]);
  const invocation = process.env.npm_lifecycle_event === "bench"
    ? `npm run bench${opts.argv.length ? ` -- ${opts.argv.join(" ")}` : ""}`
    : `node scripts/bench.mjs${opts.argv.length ? ` ${opts.argv.join(" ")}` : ""}`;

  L.push("# Benchmarks", "");
  L.push(`Written by \`scripts/bench.mjs\`; do not edit by hand, run \`npm run bench\` again.${opts.tiny ? " **This is a `--tiny` run: too few runs to trust the figures.**" : ""}`, "");
  L.push(
    "What is measured: whole processes. Each figure is the wall-clock time of one process, from its spawn to its exit " +
      "(`child_process.spawnSync` between two readings of `process.hrtime.bigint()`): `node bin/ctwg.js …` with Node's start-up, " +
      "module loading, reading, checking, rendering and writing included, and `node -e 0`, Node starting and doing nothing, " +
      "as the floor. Every command runs from a temporary copy of `workplans/`, so the repository is never written, and a " +
      "build's previous outputs are removed (untimed) before each run, so every build writes its documents.",
    "",
    `Each command runs ${opts.warmup} warm-up time${opts.warmup === 1 ? "" : "s"} (not timed) and then ${opts.runs} timed time${opts.runs === 1 ? "" : "s"}; ` +
      "the tables give the min / median / max in milliseconds. The commands run in rounds, every command once a round; commands " +
      "that are compared run back to back in each round, in alternating order, and a ratio is the **median of the per-round " +
      "ratios** (paired), so it holds when the machine's speed drifts during the run. " +
      (GNU_TIME
        ? "Peak memory is the largest resident set size (GNU time, `/usr/bin/time -f %M`) over the warm-up runs, which run under it; the timed runs do not."
        : "Peak memory is not measured: GNU time (`/usr/bin/time`) is not installed."),
    "",
    "The command that made this file:",
    "",
    "```sh",
    invocation,
    "```",
    "",
  );

  L.push("## Machine", "");
  L.push(table(["", ""], [
    ["CPU", host.cpu], ["Cores", host.cores], ["Memory", host.memory], ["OS", host.os], ["Node", host.node],
    ["pandoc", host.pandoc], ["wkhtmltopdf", host.wkhtmltopdf], ["GNU time", host.gnuTime], ["ctwg", `${host.ctwg}; the CLI measured: dist/bundle/, ${build}`],
    ["Load average (1 min)", `${loadStart.toFixed(2)} at the start, ${loadEnd.toFixed(2)} at the end; ${load.min.toFixed(2)} / ${load.median.toFixed(2)} / ${load.max.toFixed(2)} (min / median / max) over the ${load.n} rounds`],
    ["Date", `${started.toISOString().replace(/\.\d+Z$/, "Z")}`], ["Duration of the run", `${((finished - started) / 60000).toFixed(1)} min`],
  ], ["l", "l"]), "");
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  if (load.median > cores * 0.75) {
    L.push(
      `The load average stayed near or above the number of cores (${cores}): other work was running during the benchmark, so ` +
        "the times are longer and more spread out than on an idle machine. The paired ratios hold up best; single medians less so.",
      "",
    );
  }

  // Targets
  const lintRatio = single.ratios[0];
  const htmlRatio = single.pandocHtml ? pairedRatio(single.mdHtml, single.pandocHtml) : undefined;
  const pdfRatio = single.pandocPdf ? pairedRatio(single.all, single.pandocPdf) : undefined;
  const memories = [
    ...single.rows.filter((r) => r.label.startsWith("ctwg")).map((r) => ({ label: r.label, kb: r.peakKb })),
    ...scaled.rows.flatMap((r) => [
      { label: `ctwg lint (${r.n.toLocaleString("en-US")} files)`, kb: r.lint.peakKb },
      { label: `ctwg build --format md,html (${r.n.toLocaleString("en-US")} files)`, kb: r.build.peakKb },
    ]),
    ...(largest ? largest.rows.map((r) => ({ label: `${r.label} (largest file)`, kb: r.peakKb })) : []),
  ].filter((m) => m.kb !== undefined);
  const worst = memories.reduce((w, m) => (!w || m.kb > w.kb ? m : w), undefined);
  const over = memories.filter((m) => m.kb > 200 * 1024);
  const lintScale = scaled.lint;
  const bigSize = scaled.sizes.at(-1);
  const scaleTargetMeasured = bigSize >= 1000;
  const targets = [
    [
      "`ctwg lint 2017` within 2.0× `node -e 0`",
      `${ratio(lintRatio.median)} (${ms(single.lint.stats.median)} ms vs ${ms(single.floor.stats.median)} ms)`,
      yesNo(lintRatio.median <= 2.0),
    ],
    [
      "`ctwg build 2017 --format md,html` no slower than pandoc's HTML conversion (≤ 1.0×)",
      htmlRatio ? `${ratio(htmlRatio.median)} (${ms(single.mdHtml.stats.median)} ms vs ${ms(single.pandocHtml.stats.median)} ms)` : `not measured: ${pandoc.html.reason}`,
      htmlRatio ? yesNo(htmlRatio.median <= 1.0) : "—",
    ],
    [
      "`ctwg build 2017` (all three formats) at most half of pandoc + wkhtmltopdf to PDF (≤ 0.5×)",
      pdfRatio ? `${ratio(pdfRatio.median)} (${ms(single.all.stats.median)} ms vs ${ms(single.pandocPdf.stats.median)} ms)` : `not measured: ${pandoc.pdf.reason}`,
      pdfRatio ? yesNo(pdfRatio.median <= 0.5) : "—",
    ],
    [
      "lint of 1,000 workplans under 2 ms a file beyond start-up, time growing linearly",
      scaleTargetMeasured
        ? `${ms(lintScale.b)} ms a file (fit over ${scaled.sizes.join(", ")} files); growth ${lintScale.shape} (per-file cost ${ms(lintScale.steps[0].perFile)} → ${ms(lintScale.steps.at(-1).perFile)} ms)`
        : `not measured: largest size ${bigSize} (--tiny); ${ms(lintScale.b)} ms a file over ${scaled.sizes.join(", ")}`,
      scaleTargetMeasured ? yesNo(lintScale.b < 2 && lintScale.shape !== "superlinear") : "—",
    ],
    [
      "peak memory under 200 MB for any accepted input",
      worst
        ? `largest: ${mb(worst.kb)} MB, ${worst.label}${over.length ? `; over 200 MB: ${over.map((m) => `${m.label} ${mb(m.kb)} MB`).join(", ")}` : ""}${largest ? "" : " (largest file not measured: --tiny)"}`
        : "not measured: GNU time is not installed",
      // Without the largest file (--tiny) only a failure is final.
      !worst ? "—" : over.length ? "✗" : largest ? "✓" : "—",
    ],
    [
      "`--watch` rebuild under 100 ms for Markdown and HTML",
      `${ms(watch.sum.median)} ms median of ${watch.rebuilds.length} saves (Checked ${ms(watch.checked)} + Markdown ${ms(watch.markdown)} + HTML ${ms(watch.html)})`,
      yesNo(watch.sum.median < 100),
    ],
  ];
  L.push("## Targets", "");
  L.push("Each target for this machine, as measured in this run (ratios are medians of paired per-round ratios).", "");
  L.push(table(["target", "measured", "met"], targets, ["l", "l", "l"]), "");

  // Single commands
  L.push("## Single commands", "");
  L.push(`On \`workplans/2017.yaml\` (${bytes(statSync(join(ROOT, "workplans", "2017.yaml")).size)}). pandoc converts the Markdown \`ctwg build\` writes for it${pandoc.inputBytes ? ` (${bytes(pandoc.inputBytes)})` : ""}, copied to \`out.md\`; the diff compares \`test/fixtures/diff/2016.yaml\` (copied to \`fixtures/\`) with the 2017 plan.`, "");
  L.push(table(["command", "min ms", "median ms", "max ms", "median − floor ms", "peak MB"], single.rows.map((r) => [
    `\`${r.label}\``, ...timeCells(r), r.label.startsWith("ctwg") ? ms(r.stats.median - single.floor.stats.median) : "—", mb(r.peakKb),
  ]), ["l"]), "");
  if (!single.pandocHtml) L.push(`pandoc to HTML: not measured, ${pandoc.html.reason}.`, "");
  if (!single.pandocPdf) L.push(`pandoc + wkhtmltopdf to PDF: not measured, ${pandoc.pdf.reason}.`, "");
  if (single.pandocPdf) L.push("wkhtmltopdf runs without an X server here (its `--quiet` option is passed through `--pdf-engine-opt`).", "");
  L.push("Paired ratios (per round, the two commands run back to back):", "");
  L.push(table(["ratio", "median", "min", "max", "ratio of the medians"], single.ratios.map((r) => [r.label, ratio(r.median), ratio(r.min), ratio(r.max), ratio(r.ofMedians)]), ["l"]), "");

  // Scale
  L.push("## Scale", "");
  L.push(
    `Generated workplans: variants of the 2017 plan (${bytes(scaled.fileBytes)} each) with their years shifted (1995–2084), ` +
      "their own document symbols and ids, one folder per size, in a temporary folder. One process for each folder; " +
      "the one-file run is the start-up to subtract. \"Per file\" is (median(n) − median(1)) / (n − 1).",
    "",
  );
  L.push(table(
    ["files", "lint min ms", "lint median ms", "lint max ms", "lint per file ms", "lint peak MB", "build md,html min ms", "build median ms", "build max ms", "build per file ms", "build peak MB"],
    scaled.rows.map((r, i) => [
      r.n.toLocaleString("en-US"), ...timeCells(r.lint), i === 0 ? "—" : ms(scaled.lint.perFile[i - 1]), mb(r.lint.peakKb),
      ...timeCells(r.build), i === 0 ? "—" : ms(scaled.build.perFile[i - 1]), mb(r.build.peakKb),
    ]),
  ), "");
  const fitLine = (name, f) =>
    `- ${name}: time = ${ms(f.a)} ms + ${ms(f.b)} ms · n (least squares over ${scaled.sizes.join(", ")} files, R² = ${f.r2.toFixed(4)}); ` +
    `per-file cost between sizes ${f.steps.map((s) => `${s.from}→${s.to}: ${ms(s.perFile)} ms`).join(", ")}; ` +
    `growth ${f.shape}${f.growth === undefined ? "" : ` (last step / first step = ${f.growth.toFixed(2)}; linear means within 0.75–1.25)`}.`;
  L.push(fitLine("`ctwg lint DIR`", scaled.lint), fitLine("`ctwg build DIR --format md,html --out OUT`", scaled.build), "");

  // Largest file
  L.push("## Largest accepted file", "");
  if (!largest) {
    L.push("Skipped (--tiny).", "");
  } else {
    L.push(
      `\`workplans/2017.yaml\` with its deliverables repeated, each copy with its own ids, titles and meeting numbers: ` +
        `${largest.size.toLocaleString("en-US")} bytes (${bytes(largest.size)}), just under the limit of ${largest.limit.toLocaleString("en-US")} bytes ` +
        `(\`MAX_SOURCE_BYTES\`), ${largest.deliverables.toLocaleString("en-US")} deliverables` +
        `${largest.warnings === undefined ? "" : `; it lints with ${largest.warnings.toLocaleString("en-US")} warnings (the 2017 plan's slips, repeated) and no errors`}` +
        `${largest.pages ? `; its PDF has ${largest.pages.toLocaleString("en-US")} pages` : ""}. ` +
        `The lint runs ${opts.warmup} + ${opts.runs} times; the builds, slower, ${largest.buildRuns.warmup} + ${largest.buildRuns.runs} times.`,
      "",
    );
    L.push(table(["command", "runs", "min ms", "median ms", "max ms", "peak MB"], largest.rows.map((r) => [`\`${r.label}\``, String(r.stats.n), ...timeCells(r), mb(r.peakKb)]), ["l"]), "");
  }

  // Watch
  L.push("## `--watch`", "");
  L.push(
    "`ctwg build 2017 --watch --format md,html` runs as a child process in a temporary copy; the benchmark saves the plan " +
      `(a real edit, \"21-22 February\" ⇄ \"20-22 February\"), ${watch.warm} warm-up save${watch.warm === 1 ? "" : "s"} and then ${watch.rebuilds.length}, ` +
      "and reads the times the rebuild prints: \"✓ N ms Checked\", \"Markdown\" and \"HTML\" (writing each file included). " +
      "\"Save → written\" is the time from the save to the \"✓ wrote ….html\" line as the benchmark receives it; it adds the watcher's " +
      "60 ms debounce and the file system's notice." +
      (watch.extra ? ` ${watch.extra} save${watch.extra === 1 ? "" : "s"} started a second rebuild (a late file-system event); only the first rebuild of each save is counted.` : ""),
    "",
  );
  L.push(table(["save", "Checked ms", "Markdown ms", "HTML ms", "rebuild ms (sum)", "save → written ms"], watch.rebuilds.map((r, i) => [
    String(i + 1), String(r.checked), String(r.markdown), String(r.html), String(r.sum), ms(r.seen),
  ]), ["l"]), "");
  L.push(`Rebuild (sum): min ${ms(watch.sum.min)} / median ${ms(watch.sum.median)} / max ${ms(watch.sum.max)} ms; save → written: min ${ms(watch.seen.min)} / median ${ms(watch.seen.median)} / max ${ms(watch.seen.max)} ms.`, "");

  return `${L.join("\n").trimEnd()}\n`;
}

// ---------------------------------------------------------------------------------------------------

async function main() {
  const opts = options();
  const started = new Date();
  const loadStart = os.loadavg()[0];
  const build = ensureBuilt();
  const limit = await maxSourceBytes();
  const pandoc = findPandoc(opts.tiny);
  const host = machine(pandoc);
  scratch = mkdtempSync(join(os.tmpdir(), "ctwg-bench-"));
  const stop = () => {
    rmSync(scratch, { recursive: true, force: true });
    process.exit(130);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  progress(`runs ${opts.runs}, warm-up ${opts.warmup}${opts.tiny ? ", --tiny" : ""}; temporary folder ${scratch}`);
  if (!GNU_TIME) progress("GNU time (/usr/bin/time) is not installed: peak memory is not measured");
  try {
    const single = singleCommands(opts, pandoc);
    const scaled = scale(opts);
    const largest = opts.tiny ? undefined : largestFile(opts, limit);
    const watch = await watchRebuilds(opts);
    const text = report({
      opts, started, finished: new Date(), build, host, pandoc, single, scaled, largest, watch, loadStart, loadEnd: os.loadavg()[0],
    });
    mkdirSync(resolve(opts.output, ".."), { recursive: true });
    writeFileSync(opts.output, text);
    progress(`wrote ${relative(process.cwd(), opts.output) || opts.output} in ${((Date.now() - started) / 60000).toFixed(1)} min`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`bench: ${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
