// Makes V8's code cache of the CLI bundle (dist/bundle/*.cjs.cache): loads the bundle, runs the
// commands people run most (lint, a build of every format) in this process with their output thrown
// away, and saves the code compiled meanwhile, for each file of the bundle the runs loaded. Why run them: a cache made right after loading holds
// only the top level; one made after a run also holds every function the run needed. The bundle
// script runs this in a fresh process after bundling, so the cache is made under default flags.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { requireCached } from "../dist/start/code-cache.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const BUNDLE = join(ROOT, "dist", "bundle", "ctwg.cjs");
const TRAINING_YEAR = "2017";

const loaded = requireCached(BUNDLE);
const out = mkdtempSync(join(tmpdir(), "ctwg-code-cache-"));
const sink = { write: () => true, isTTY: false };
const io = { stdout: sink, stderr: sink, env: { NO_COLOR: "1" }, cwd: ROOT };
try {
  for (const argv of [
    ["lint", TRAINING_YEAR],
    ["build", TRAINING_YEAR, "--out", out],
  ]) {
    await loaded.exports.run(argv, io);
  }
  loaded.saveCodeCaches();
} finally {
  rmSync(out, { recursive: true, force: true });
}
