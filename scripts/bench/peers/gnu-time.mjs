// GNU time, which the benchmark runs commands under to read what Node cannot: a child's CPU time and
// peak memory.
import { spawnSync } from "node:child_process";
import { NODE } from "../cli-under-test.mjs";
import { which } from "./executables.mjs";

/**
 * GNU time's path when installed and working: `time -f "%U %S %M"` prints the user and system time
 * in seconds and the peak resident set in KB.
 */
export function findGnuTime() {
  const path = which("/usr/bin/time") ?? which("gtime");
  if (!path) return undefined;
  const probe = spawnSync(path, ["-f", "%U %S %M", NODE, "-e", "0"], { encoding: "utf8" });
  return probe.status === 0 && /^\d+\.\d+ \d+\.\d+ \d+\s*$/m.test(probe.stderr) ? path : undefined;
}
