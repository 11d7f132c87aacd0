// Rounds of runs, so that commands compared are timed side by side, and the paired ratios of them.
import os from "node:os";
import { progress } from "../progress.mjs";
import { runOnce } from "./run-once.mjs";
import { stats } from "./statistics.mjs";

/**
 * Runs groups of commands in rounds: `warmup` untimed rounds (under GNU time, for the peak memory),
 * then `runs` timed ones. In each round the groups take turns at going first, and the commands of a
 * group run back to back, first to last in even rounds and last to first in odd ones, so a group's
 * ratios compare runs made seconds apart, never minutes. The 1-minute load average at the start of
 * every round goes to `bench.loads`, for the report.
 */
export function rounds(bench, groups, { runs, warmup, name }) {
  const results = new Map(groups.flat().map((cmd) => [cmd, { times: [], kb: [] }]));
  const total = warmup + runs;
  for (let round = 0; round < total; round++) {
    const timed = round >= warmup;
    bench.loads.push(os.loadavg()[0]);
    progress(`${name}: ${timed ? `run ${round - warmup + 1} of ${runs}` : `warm-up ${round + 1} of ${warmup}`}`);
    const shift = round % groups.length;
    const order = [...groups.slice(shift), ...groups.slice(0, shift)];
    for (const group of order) {
      for (const cmd of round % 2 ? [...group].reverse() : group) {
        const { ms: time, kb } = runOnce(bench, cmd, { memory: !timed });
        const entry = results.get(cmd);
        if (timed) entry.times.push(time);
        if (kb !== undefined) entry.kb.push(kb);
      }
    }
  }
  // No warm-up: one more run, untimed, for the memory.
  if (warmup === 0 && bench.gnuTime) {
    for (const cmd of groups.flat()) {
      const { kb } = runOnce(bench, cmd, { memory: true });
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
export function pairedRatio(a, b) {
  const values = a.times.map((time, i) => time / b.times[i]);
  return { ...stats(values), ofMedians: a.stats.median / b.stats.median };
}
