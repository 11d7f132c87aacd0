// Loaded with `node --import`: records every module the process loads into the file named by
// CTWG_TRACE_IMPORTS: ES modules through a resolve hook, CommonJS ones (loaded with require, as
// Handlebars is) by wrapping the CommonJS loader. A test reads it to tell which packages a command loaded.
import { appendFileSync } from "node:fs";
import { createRequire, register } from "node:module";

const traceFile = process.env.CTWG_TRACE_IMPORTS;
register(new URL("./trace-imports-hooks.mjs", import.meta.url), { data: traceFile });

const Module = createRequire(import.meta.url)("node:module");
const load = Module._load;
Module._load = function (request, parent, isMain) {
  const loaded = load.call(this, request, parent, isMain);
  try {
    if (traceFile) appendFileSync(traceFile, `${Module._resolveFilename(request, parent, isMain)}\n`);
  } catch {
    // a built-in module, or one resolved some other way: nothing to record
  }
  return loaded;
};
