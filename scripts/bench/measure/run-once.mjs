// Spawning one command and timing it: its wall-clock time and, under GNU time, its CPU time and peak
// memory.
import { spawnSync } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ENV } from "./command.mjs";

/**
 * GNU time prints user and system time in hundredths of a second, rounded down. Half a hundredth
 * added to each is the middle of the interval the true value lies in: without it every CPU figure
 * would read 10 ms low on average, a large part of the shortest commands' few tens of ms.
 */
const HALF_A_HUNDREDTH_MS = 5;

/**
 * Runs the command once: its wall-clock time in milliseconds and, under GNU time, its CPU time
 * (user + system, of the process and every process it waited for) in milliseconds and its peak
 * resident set in KB. Node's spawnSync cannot read a child's resource usage; GNU time reads it from
 * the kernel as the child exits and writes it to a file, so the command's own output is untouched.
 * Output goes to files (not pipes), so a process that prints a lot is neither slowed nor cut off.
 * `bench` is the run's scratch folder and GNU time (see bench.mjs).
 */
export function runOnce(bench, cmd) {
  cmd.before?.();
  const outPath = join(bench.scratch, "run.out");
  const errPath = join(bench.scratch, "run.err");
  const usagePath = join(bench.scratch, "run.usage");
  const out = openSync(outPath, "w");
  const err = openSync(errPath, "w");
  const [file, args] = bench.gnuTime ? [bench.gnuTime, ["-o", usagePath, "-f", "%U %S %M", cmd.file, ...cmd.args]] : [cmd.file, cmd.args];
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
    throw new Error(
      `\`${cmd.label}\` failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`}) in ${cmd.cwd}:\n${tail}`,
    );
  }
  return { ms: elapsed, ...(bench.gnuTime ? usage(readFileSync(usagePath, "utf8")) : {}) };
}

/** GNU time's "%U %S %M" line (its last: a failed command's status comes before it) as ms and KB. */
function usage(text) {
  const [user, system, kb] = text.trim().split("\n").at(-1).split(/\s+/).map(Number);
  const cpuMs = (user + system) * 1000 + 2 * HALF_A_HUNDREDTH_MS;
  return { cpuMs: Number.isFinite(cpuMs) ? cpuMs : undefined, kb: Number.isFinite(kb) ? kb : undefined };
}
