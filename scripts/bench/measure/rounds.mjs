// Rounds of runs, so that commands compared are timed side by side, and the paired ratios of them.
import os from "node:os";
import { progress } from "../progress.mjs";
import { runOnce } from "./run-once.mjs";
import { stats } from "./statistics.mjs";

/**
 * Runs groups of commands in rounds: `warmup` untimed rounds, then `runs` timed ones. In each round
 * the groups take turns at going first, and the commands of a group run back to back, first to last
 * in even rounds and last to first in odd ones, so a group's ratios compare runs made seconds apart,
 * never minutes. Each command's result: its wall and CPU times in the timed rounds (`times`, `cpu`,
 * and their `stats`, `cpuStats`) and its peak memory over every round, warm-up included (`peakKb`);
 * CPU and memory only under GNU time. The 1-minute load average at the start of every round goes to
 * `bench.loads`, for the report.
 */
export function rounds(bench, groups, { runs, warmup, name }) {
  const results = new Map(groups.flat().map((cmd) => [cmd, { times: [], cpu: [], kb: [] }]));
  const total = warmup + runs;
  for (let round = 0; round < total; round++) {
    const timed = round >= warmup;
    bench.loads.push(os.loadavg()[0]);
    progress(`${name}: ${timed ? `run ${round - warmup + 1} of ${runs}` : `warm-up ${round + 1} of ${warmup}`}`);
    const shift = round % groups.length;
    const order = [...groups.slice(shift), ...groups.slice(0, shift)];
    for (const group of order) {
      for (const cmd of round % 2 ? [...group].reverse() : group) {
        const run = runOnce(bench, cmd);
        const entry = results.get(cmd);
        if (timed) entry.times.push(run.ms);
        if (timed && run.cpuMs !== undefined) entry.cpu.push(run.cpuMs);
        if (run.kb !== undefined) entry.kb.push(run.kb);
      }
    }
  }
  for (const entry of results.values()) {
    entry.stats = stats(entry.times);
    entry.cpuStats = entry.cpu.length === entry.times.length ? stats(entry.cpu) : undefined;
    entry.peakKb = entry.kb.length ? Math.max(...entry.kb) : undefined;
  }
  return results;
}

/**
 * The per-round ratios a/b (same round, run back to back) and their statistics, of the wall times
 * and, beside them as `cpu`, of the CPU times when both were measured.
 */
export function pairedRatio(a, b) {
  const paired = (x, y, mx, my) => ({ ...stats(x.map((value, i) => value / y[i])), ofMedians: mx / my });
  const wall = paired(a.times, b.times, a.stats.median, b.stats.median);
  const cpu = a.cpuStats && b.cpuStats ? paired(a.cpu, b.cpu, a.cpuStats.median, b.cpuStats.median) : undefined;
  return { ...wall, cpu };
}
