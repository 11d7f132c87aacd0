#!/usr/bin/env node
// Why the guard: a clone whose install skipped the build has no dist/; it says so, not with a stack trace.
let run;
try {
  ({ run } = await import("../dist/bundle/ctwg.mjs"));
} catch (error) {
  if (error?.code !== "ERR_MODULE_NOT_FOUND" || !String(error.message).includes("ctwg.mjs")) throw error;
  process.stderr.write("ctwg: the CLI is not built (dist/ is missing): run `npm run build` in ctwg's folder\n");
  process.exit(2);
}
process.exitCode = await run(process.argv.slice(2));
