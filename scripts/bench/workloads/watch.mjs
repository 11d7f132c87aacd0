// `ctwg build --watch`: how long a save takes to become new documents, seen from outside the watcher.
import { spawn } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { BIN, NODE, ROOT } from "../cli-under-test.mjs";
import { ENV } from "../measure/command.mjs";
import { runningProcessCpuMs } from "../measure/running-process-cpu.mjs";
import { median, stats } from "../measure/statistics.mjs";
import { progress } from "../progress.mjs";
import { project } from "./projects.mjs";

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** How often the outputs are looked at while a save is being rebuilt: the figure's resolution. */
const POLL_MS = 1;

/** An output file's identity and age: a rename over it changes the inode, a write the mtime. */
const version = (path) => {
  const s = statSync(path, { bigint: true, throwIfNoEntry: false });
  return s ? `${s.ino}:${s.mtimeNs}:${s.size}` : "missing";
};

/**
 * `ctwg build 2017 --watch`, writing the formats it writes by default, as a child process. The plan is
 * saved several times; for each save, the time from the write of the plan file to the moment every
 * output of the plan has been replaced, by polling the outputs; the CPU time the watcher spent on the
 * save; and, as extra information, the step times the rebuild prints about itself.
 */
export async function watchSaves(bench, opts) {
  const original = readFileSync(join(ROOT, "workplans", "2017.yaml"), "utf8");
  const dir = project(bench, "watch", { "2017.yaml": original });
  const file = join(dir, "workplans", "2017.yaml");
  // A real edit, back and forth, so every save changes every document.
  const from = "Viet Nam 21-22 February";
  const to = "Viet Nam 20-22 February";
  if (!original.includes(from)) throw new Error(`workplans/2017.yaml no longer contains "${from}", the text the watch benchmark edits`);
  const saves = Math.max(1, Math.min(opts.runs, 10));
  const warm = opts.warmup;
  const child = spawn(NODE, [BIN, "build", "2017", "--watch"], { cwd: dir, env: ENV, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
  let exited = false;
  const exit = new Promise((done) =>
    child.on("exit", (code, signal) => {
      exited = true;
      done({ code, signal });
    }),
  );
  const waitFor = async (test, what, { timeout = 20_000, every = 5 } = {}) => {
    const until = Date.now() + timeout;
    while (!test()) {
      if (exited) throw new Error(`ctwg build --watch ended while waiting for ${what}:\n${stdout}\n${stderr}`);
      if (Date.now() > until)
        throw new Error(`ctwg build --watch: no ${what} within ${timeout / 1000} s:\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`);
      await sleep(every);
    }
  };
  const outcomes = (text) => (text.match(/^(?:✓ wrote|= unchanged) .+$/gm) ?? []).length;
  const results = [];
  let extra = 0;
  let outputs;
  try {
    await waitFor(() => /^watching /m.test(stdout), '"watching" line');
    // The outputs are what the first build wrote: every format's file of the plan.
    outputs = [...stdout.matchAll(/^✓ wrote (.+)$/gm)].map((match) => ({ shown: match[1], path: resolve(dir, match[1]) }));
    if (outputs.length === 0) throw new Error(`ctwg build --watch wrote nothing before watching:\n${stdout}`);
    await sleep(300); // the watcher starts right after that line
    for (let save = 0; save < warm + saves; save++) {
      progress(`--watch: ${save < warm ? `warm-up save ${save + 1} of ${warm}` : `save ${save - warm + 1} of ${saves}`}`);
      const mark = stdout.length;
      const text = readFileSync(file, "utf8");
      const [a, b] = text.includes(from) ? [from, to] : [to, from];
      const before = outputs.map((output) => version(output.path));
      const cpuBefore = runningProcessCpuMs(child.pid);
      const start = process.hrtime.bigint();
      writeFileSync(file, text.replace(a, b));
      await waitFor(() => outputs.every((output, i) => version(output.path) !== before[i]), "new outputs after a save", { every: POLL_MS });
      const written = Number(process.hrtime.bigint() - start) / 1e6;
      // The rebuild has said what it wrote; a late event of the same save may start a second one
      // (which finds nothing to change): let it finish before the next save.
      await waitFor(() => outcomes(stdout.slice(mark)) >= outputs.length, "the rebuild's report");
      await sleep(400);
      const changed = (stdout.slice(mark).match(/^workplans\/2017\.yaml changed$/gm) ?? []).length;
      if (changed > 1) {
        extra += changed - 1;
        await waitFor(() => outcomes(stdout.slice(mark)) >= changed * outputs.length, "the second rebuild");
      }
      const cpuAfter = runningProcessCpuMs(child.pid);
      const result = {
        written,
        cpu: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
        steps: steps(stdout.slice(mark)),
      };
      if (save >= warm) results.push(result);
    }
  } finally {
    child.kill("SIGTERM");
    const stopped = await Promise.race([exit, sleep(5000).then(() => undefined)]);
    if (!stopped) child.kill("SIGKILL");
  }
  const stepNames = [...new Set(results.flatMap((r) => Object.keys(r.steps)))];
  const cpuMeasured = results.every((r) => r.cpu !== undefined);
  return {
    saves: results,
    warm,
    extra,
    outputs: outputs.map((output) => output.shown),
    pollMs: POLL_MS,
    written: stats(results.map((r) => r.written)),
    cpu: cpuMeasured ? stats(results.map((r) => r.cpu)) : undefined,
    stepNames,
    stepMedians: Object.fromEntries(
      stepNames.map((name) => [name, median(results.flatMap((r) => (name in r.steps ? [r.steps[name]] : [])))]),
    ),
  };
}

/** The "✓ N ms STEP" lines of the first rebuild after a save, as { STEP: N }. */
function steps(after) {
  const first = after.split(/^workplans\/2017\.yaml changed$/m)[1] ?? after;
  return Object.fromEntries([...first.matchAll(/^✓ (\d+) ms (.+)$/gm)].map((match) => [match[2], Number(match[1])]));
}
