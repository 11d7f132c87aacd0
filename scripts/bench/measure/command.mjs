// What a timed command is: how to run it, where, and what to do (untimed) before each run.
import { BIN, NODE } from "../cli-under-test.mjs";

/** The environment every command runs in: no colour codes, no fixed build date. */
export const ENV = { ...process.env, NO_COLOR: "1" };
delete ENV.FORCE_COLOR;
delete ENV.SOURCE_DATE_EPOCH;

/**
 * A command to time. `label` is how the report shows it; `before` runs untimed before every run (it
 * removes the previous run's outputs, so each build writes its documents as a first build does).
 */
export function command(label, file, args, cwd, before) {
  return { label, file, args, cwd, before };
}

/** `node bin/ctwg.js ARGS`, the CLI as this clone runs it. */
export const ctwg = (label, args, cwd, before) => command(label, NODE, [BIN, ...args], cwd, before);
