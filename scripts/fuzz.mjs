#!/usr/bin/env node
/**
 * `npm run fuzz`: the mutation property of test/property/mutation.test.ts, run long. Each case
 * mutates workplans/2017.yaml (test/property/mutations.ts: the same arbitraries and the same
 * property as the test, with lists of thousands of items) and checks that ctwg answers with
 * diagnostics or success, in time, every finding placed, and no control character in an output.
 * The summary gives the slowest case of each mutation kind, so a cost that grows too fast shows.
 *
 *   npm run fuzz                        100,000 cases
 *   npm run fuzz -- 20000               or FUZZ_CASES=20000
 *   npm run fuzz -- --seed 42           or FUZZ_SEED=42 (default: the time)
 *   npm run fuzz -- --workers 1         or FUZZ_WORKERS=1 (default: 2, or the CPU count if lower)
 *   npm run fuzz -- --seed 42 --case 7  runs one case and prints the mutations and the outcome
 *   npm run fuzz -- --hang 30           or FUZZ_HANG=30: seconds after which a case counts as hung
 *
 * Case i is generated from the seed and i alone, so a failure is reproduced with its seed and number.
 * Failing inputs are kept in a folder under the system's temporary folder, named in the summary.
 * Why a module runner: the property is TypeScript and runs ctwg's source, not a stale dist/.
 */
import { fork } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

function option(name, fallback) {
  const args = process.argv.slice(2);
  const at = args.indexOf(`--${name}`);
  if (at !== -1) return args[at + 1];
  return fallback;
}

const positional = process.argv.slice(2).find((arg, i, all) => /^\d+$/.test(arg) && !(i > 0 && all[i - 1].startsWith("--")));
const CASES = Number(positional ?? option("cases", process.env.FUZZ_CASES ?? 100_000));
const SEED = Number(option("seed", process.env.FUZZ_SEED ?? Date.now() % 1_000_000_000));
const WORKERS = Math.max(1, Number(option("workers", process.env.FUZZ_WORKERS ?? Math.min(2, availableParallelism()))));
const ONE_CASE = option("case", undefined);
/**
 * A case still running after this many seconds has hung. Why a watchdog: a case stuck in a
 * synchronous loop (a regular expression that backtracks without end) never returns to the
 * property's own time check, and would stop the run without a word.
 */
const HANG_MS = Number(option("hang", process.env.FUZZ_HANG ?? 30)) * 1000;

/** Loads the TypeScript modules the property needs, through Vite's module runner. */
async function loadProperty() {
  const { createServer, createServerModuleRunner } = await import("vite");
  const server = await createServer({
    root: ROOT,
    configFile: false,
    logLevel: "error",
    appType: "custom",
    server: { middlewareMode: true, hmr: false, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  const runner = createServerModuleRunner(server.environments.ssr, { hmr: false });
  const mutations = await runner.import("/test/property/mutations.ts");
  const cli = await runner.import("/test/support/cli.ts");
  const fc = (await import("fast-check")).default;
  return {
    mutations,
    cli,
    fc,
    close: async () => {
      await runner.close();
      await server.close();
    },
  };
}

/**
 * The mutations of case `index`: the index % BATCH value of a batch of BATCH cases generated from
 * seed + the batch's number. Why batches: fast-check shrinks the first values of a run towards
 * small ones, so one value a seed would test little but the smallest mutations.
 */
const BATCH = 500;
const batches = new Map();
function caseOf(fc, mutations, index) {
  const batch = Math.floor(index / BATCH);
  if (!batches.has(batch)) {
    batches.clear();
    batches.set(batch, fc.sample(mutations.fuzzMutationsArb, { seed: SEED + batch, numRuns: BATCH }));
  }
  return batches.get(batch)[index % BATCH];
}

async function worker() {
  const { mutations, cli, fc, close } = await loadProperty();
  const base = readFileSync(join(ROOT, "workplans", "2017.yaml"));
  const project = cli.tempProject();
  const [from, step] = [Number(process.env.FUZZ_FROM), Number(process.env.FUZZ_STEP)];
  let done = 0;
  const stats = { cases: 0, failures: [], slowest: { ms: 0, index: -1 }, byKind: {}, codes: { 0: 0, 1: 0 }, built: 0 };
  try {
    for (let index = from; index < CASES; index += step) {
      const list = caseOf(fc, mutations, index);
      const bytes = mutations.applyMutations(base, list);
      process.send({ start: index, mutations: mutations.describeMutations(list) });
      try {
        const outcome = await mutations.checkMutatedFile(bytes, project.cwd);
        if (outcome.misplaced.length > 0) throw new Error(`findings outside the file: ${outcome.misplaced.join("; ")}`);
        if (outcome.leaks.length > 0) throw new Error(`control characters in an output: ${outcome.leaks.join("; ")}`);
        stats.codes[outcome.code]++;
        if (outcome.built) stats.built++;
        if (outcome.ms > stats.slowest.ms) stats.slowest = { ms: outcome.ms, index };
        for (const { kind } of list) {
          const slowest = stats.byKind[kind];
          if (!slowest || outcome.ms > slowest.ms) stats.byKind[kind] = { ms: outcome.ms, index };
        }
      } catch (error) {
        stats.failures.push({
          index,
          mutations: mutations.describeMutations(list),
          error: String(error?.message ?? error).slice(0, 1500),
          bytes: bytes.toString("base64"),
        });
      }
      stats.cases++;
      if (++done % 200 === 0) {
        process.send({ progress: stats.cases, failures: stats.failures.length, slowest: stats.slowest });
      }
    }
  } finally {
    project.cleanup();
    await close();
  }
  process.send({ done: stats });
}

async function oneCase(index) {
  const { mutations, cli, fc, close } = await loadProperty();
  const project = cli.tempProject();
  try {
    const list = caseOf(fc, mutations, index);
    console.log(`case ${index} of seed ${SEED}: ${mutations.describeMutations(list)}`);
    const bytes = mutations.applyMutations(readFileSync(join(ROOT, "workplans", "2017.yaml")), list);
    const outcome = await mutations.checkMutatedFile(bytes, project.cwd);
    for (const finding of outcome.misplaced) console.log(`outside the file: ${finding}`);
    for (const leak of outcome.leaks) console.log(`control character in an output: ${leak}`);
    const failed = outcome.misplaced.length > 0 || outcome.leaks.length > 0;
    console.log(`${failed ? "failed" : "passed"}: exit ${outcome.code}, ${Math.round(outcome.ms)} ms${outcome.built ? ", built" : ""}`);
    if (failed) process.exitCode = 1;
  } catch (error) {
    console.log(`failed: ${error?.stack ?? error}`);
    process.exitCode = 1;
  } finally {
    project.cleanup();
    await close();
  }
}

async function main() {
  if (ONE_CASE !== undefined) return oneCase(Number(ONE_CASE));
  const started = performance.now();
  console.log(`fuzz: ${CASES.toLocaleString("en")} cases, seed ${SEED}, ${WORKERS} worker${WORKERS === 1 ? "" : "s"}`);
  const progress = new Array(WORKERS).fill(0);
  const results = [];
  const children = [];
  /** Each worker's running case: its index, its mutations, when it started. */
  const running = new Array(WORKERS).fill(null);
  const hung = [];
  const watchdog = setInterval(() => {
    const now = performance.now();
    running.forEach((current, w) => {
      if (!current || now - current.at < HANG_MS) return;
      hung.push({ ...current, worker: w });
      running[w] = null;
      for (const child of children) child.kill("SIGKILL");
    });
  }, 1000);
  let lastPrint = 0;
  await Promise.all(
    Array.from(
      { length: WORKERS },
      (_, w) =>
        new Promise((resolve, reject) => {
          const child = fork(fileURLToPath(import.meta.url), process.argv.slice(2), {
            env: {
              ...process.env,
              FUZZ_ROLE: "worker",
              FUZZ_FROM: String(w),
              FUZZ_STEP: String(WORKERS),
              FUZZ_SEED: String(SEED),
              FUZZ_CASES: String(CASES),
            },
          });
          children.push(child);
          child.on("message", (message) => {
            if (message.start !== undefined) {
              running[w] = { index: message.start, mutations: message.mutations, at: performance.now() };
              return;
            }
            if (message.done) return results.push(message.done);
            progress[w] = message.progress;
            const now = performance.now();
            if (now - lastPrint > 10_000) {
              lastPrint = now;
              const total = progress.reduce((a, b) => a + b, 0);
              const rate = total / ((now - started) / 1000);
              console.log(
                `fuzz: ${total.toLocaleString("en")}/${CASES.toLocaleString("en")} cases, ${Math.round(rate)} cases/s, ${message.failures} failures in worker ${w}`,
              );
            }
          });
          child.on("exit", (code) => (code === 0 || hung.length > 0 ? resolve() : reject(new Error(`worker ${w} exited ${code}`))));
        }),
    ),
  ).finally(() => clearInterval(watchdog));
  if (hung.length > 0) return reportHung(hung);
  const cases = results.reduce((n, r) => n + r.cases, 0);
  const failures = results.flatMap((r) => r.failures).sort((a, b) => a.index - b.index);
  const slowest = results.map((r) => r.slowest).reduce((a, b) => (b.ms > a.ms ? b : a), { ms: 0, index: -1 });
  const byKind = {};
  for (const [kind, value] of results.flatMap((r) => Object.entries(r.byKind)))
    if (!byKind[kind] || value.ms > byKind[kind].ms) byKind[kind] = value;
  const exit0 = results.reduce((n, r) => n + r.codes[0], 0);
  const built = results.reduce((n, r) => n + r.built, 0);
  const seconds = (performance.now() - started) / 1000;
  if (failures.length > 0) {
    const folder = join(tmpdir(), `ctwg-fuzz-${SEED}`);
    mkdirSync(folder, { recursive: true });
    for (const failure of failures) {
      writeFileSync(join(folder, `case-${failure.index}.yaml`), Buffer.from(failure.bytes, "base64"));
      writeFileSync(join(folder, `case-${failure.index}.txt`), `${failure.mutations}\n\n${failure.error}\n`);
    }
    for (const failure of failures.slice(0, 10))
      console.log(`\nFAILED case ${failure.index}: ${failure.mutations}\n  ${failure.error.split("\n").join("\n  ")}`);
    console.log(`\nfailing inputs: ${folder}; rerun one with: npm run fuzz -- --seed ${SEED} --case N`);
  }
  console.log(
    `fuzz result: ${cases.toLocaleString("en")} cases, ${failures.length} failures, ${exit0.toLocaleString("en")} linted clean (${built.toLocaleString("en")} built), ` +
      `slowest case ${Math.round(slowest.ms)} ms (case ${slowest.index}), ${Math.round(seconds)} s, seed ${SEED}`,
  );
  const kinds = Object.entries(byKind).sort(([, a], [, b]) => b.ms - a.ms);
  console.log(
    `slowest by mutation kind: ${kinds.map(([kind, { ms, index }]) => `${kind} ${Math.round(ms)} ms (case ${index})`).join(", ")}`,
  );

  process.exitCode = failures.length > 0 || cases !== CASES ? 1 : 0;
}

/** Says which cases hung, keeps their mutations, and fails the run: a hang stops every worker. */
function reportHung(hung) {
  const folder = join(tmpdir(), `ctwg-fuzz-${SEED}`);
  mkdirSync(folder, { recursive: true });
  for (const { index, mutations } of hung) {
    writeFileSync(join(folder, `case-${index}.txt`), `${mutations}\n\nhung: still running after ${HANG_MS / 1000} s\n`);
    console.log(`\nHUNG case ${index}: ${mutations}\n  still running after ${HANG_MS / 1000} s; the run stops here`);
  }
  console.log(`\nrerun one with: npm run fuzz -- --seed ${SEED} --case N (its mutations are in ${folder})`);
  process.exitCode = 1;
}

if (process.env.FUZZ_ROLE === "worker") await worker();
else await main();
