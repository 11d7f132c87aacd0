// The CPU time a process that is still running has used so far, for a long-lived child (the
// watcher) whose resource usage GNU time would only give at its exit.
import { readFileSync } from "node:fs";

/** Linux's USER_HZ, the unit of the times in /proc/PID/stat: 100 on every architecture Node runs on. */
const TICKS_PER_SECOND = 100;

/**
 * User + system time of process `pid` and all its threads in ms, from /proc/PID/stat (fields 14 and
 * 15, counted from 1, after the command name, which may itself hold spaces); undefined where there is
 * no /proc. The figure is in ticks of 10 ms; a difference of two readings is good to ±10 ms.
 */
export function runningProcessCpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // fields[0] is field 3 (the state), so field 14 is fields[11].
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : undefined;
  } catch {
    return undefined;
  }
}
