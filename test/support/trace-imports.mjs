// Loaded with `node --import`: records every module URL the process resolves into the file named by
// CTWG_TRACE_IMPORTS, so a test can tell which packages a command loaded.
import { register } from "node:module";

register(new URL("./trace-imports-hooks.mjs", import.meta.url), { data: process.env.CTWG_TRACE_IMPORTS });
