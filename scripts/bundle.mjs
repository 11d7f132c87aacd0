// Bundles the compiled CLI (dist/cli/program.js) into dist/bundle/, one file for what every command
// needs and one chunk per lazily loaded part (each output format, diff, calendar, preview). Why: a
// command-line tool pays for every module it loads at each start; one file loads faster than the
// hundreds of small ones it is made of. Packages with data files of their own, and those only some
// commands use, stay outside the bundle and load from node_modules when needed.
import { rm } from "node:fs/promises";
import { rolldown } from "rolldown";

const external = [/^node:/, /^pdfkit(\/|$)/, /^fontkit(\/|$)/, /^@expo-google-fonts\//, /^handlebars(\/|$)/, /^ical-generator(\/|$)/];

await rm(new URL("../dist/bundle/", import.meta.url), { recursive: true, force: true });
const bundle = await rolldown({
  input: {
    ctwg: new URL("../dist/cli/program.js", import.meta.url).pathname,
    // A worker thread starts from a file of its own; multi-file lint spreads over the cores with it.
    "lint-worker": new URL("../dist/api/lint-worker.js", import.meta.url).pathname,
  },
  platform: "node",
  external,
  treeshake: true,
  logLevel: "warn",
  onLog(level, log, handler) {
    // A module both imported and lazily imported simply stays in the main file; not worth a warning.
    if (log.code === "INEFFECTIVE_DYNAMIC_IMPORT") return;
    handler(level, log);
  },
});
await bundle.write({
  dir: new URL("../dist/bundle/", import.meta.url).pathname,
  format: "esm",
  entryFileNames: "[name].mjs",
  chunkFileNames: "[name]-[hash].mjs",
});
await bundle.close();
