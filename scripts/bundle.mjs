// Bundles the compiled CLI (dist/cli/program.js) into dist/bundle/, one CommonJS file for what every
// command needs and one chunk per lazily loaded part (each output format, diff, calendar, preview),
// then makes V8's code cache of the main file. Why: a command-line tool pays for every module it
// loads at each start; one file loads faster than the hundreds of small ones it is made of, and a
// CommonJS file can be compiled from a code cache (see src/start/code-cache.ts). Packages with data
// files of their own, and those only some commands use, stay outside and load from node_modules.
import { execFileSync } from "node:child_process";
import { rm } from "node:fs/promises";
import { rolldown } from "rolldown";

const external = [/^node:/, /^pdfkit(\/|$)/, /^fontkit(\/|$)/, /^@expo-google-fonts\//, /^handlebars(\/|$)/, /^ical-generator(\/|$)/];
const path = (relative) => new URL(relative, import.meta.url).pathname;

/**
 * Commander loads child_process (and with it net, dgram and the streams) when it loads, for
 * subcommands that are programs of their own, which ctwg has none of: every command's start-up paid
 * for it. This defers the load to the first use. The build fails if Commander's line changes, so an
 * upgrade cannot silently bring the cost back.
 */
const lazyChildProcessInCommander = {
  name: "lazy-child-process-in-commander",
  transform(code, id) {
    if (!id.endsWith("/commander/lib/command.js")) return null;
    const eager = "const childProcess = require('node:child_process');";
    if (!code.includes(eager)) throw new Error(`${id} no longer loads child_process as the bundle expects; update scripts/bundle.mjs`);
    const lazy = "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };";
    return code.replace(eager, lazy);
  },
};

/**
 * Built-in modules loaded lazily (`await import("node:worker_threads")`) are required instead.
 * Why: the bundle is compiled from V8's code cache, and Node 20 loses a script's dynamic-import
 * handler when the script comes from a cache, so an `import()` there throws. The build fails if an
 * `import()` of anything else is left, since it would fail the same way.
 */
const requireLazyBuiltins = {
  name: "require-lazy-builtins",
  renderChunk(code, chunk) {
    const required = code.replace(/\bimport\((["'])(node:[\w/]+)\1\)/g, "Promise.resolve(require($1$2$1))");
    const left = /(?<![\w.])import\((?!\s*["']\.\/)/.exec(required.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ""));
    if (left)
      throw new Error(`${chunk.fileName} still has an import() the code cache cannot run: ${required.slice(left.index, left.index + 60)}`);
    return required;
  },
};

// The bundle and its code caches go together: a cache is never left beside a newer bundle.
await rm(path("../dist/bundle/"), { recursive: true, force: true });
const build = await rolldown({
  input: {
    ctwg: path("../dist/cli/program.js"),
    // A worker thread runs one of these (through dist/start/worker.js, which loads it with its
    // code cache); they share their chunks with the CLI's.
    "lint-worker": path("../dist/api/lint-worker.js"),
    "build-worker": path("../dist/api/build-worker.js"),
  },
  platform: "node",
  external,
  plugins: [lazyChildProcessInCommander, requireLazyBuiltins],
  treeshake: true,
  logLevel: "warn",
  onLog(level, log, handler) {
    // A module both imported and lazily imported simply stays in the main file; not worth a warning.
    if (log.code === "INEFFECTIVE_DYNAMIC_IMPORT") return;
    handler(level, log);
  },
});
await build.write({ dir: path("../dist/bundle/"), format: "cjs", entryFileNames: "[name].cjs", chunkFileNames: "[name]-[hash].cjs" });
await build.close();
// A fresh process, so the cache is made under the flags `ctwg` itself runs with.
execFileSync(process.execPath, [path("./make-code-cache.mjs")], { stdio: "inherit" });
