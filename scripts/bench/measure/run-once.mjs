// Spawning one command and timing it: wall-clock time, and peak memory when asked for.
import { spawnSync } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ENV } from "./command.mjs";

/**
 * Runs the command once; its time in milliseconds and, under GNU time, its peak resident set in KB.
 * Output goes to files (not pipes), so a process that prints a lot is neither slowed nor cut off.
 * `bench` is the run's scratch folder and GNU time (see bench.mjs).
 */
export function runOnce(bench, cmd, { memory = false } = {}) {
  cmd.before?.();
  const outPath = join(bench.scratch, "run.out");
  const errPath = join(bench.scratch, "run.err");
  const memPath = join(bench.scratch, "run.mem");
  const out = openSync(outPath, "w");
  const err = openSync(errPath, "w");
  const measured = memory && bench.gnuTime;
  const [file, args] = measured ? [bench.gnuTime, ["-o", memPath, "-f", "%M", cmd.file, ...cmd.args]] : [cmd.file, cmd.args];
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
