#!/usr/bin/env node
// Why the guard: a clone whose install skipped the build has no dist/; it says so, not with a stack trace.
let loaded;
try {
  const { requireCached } = await import("../dist/start/code-cache.js");
  const { fileURLToPath } = await import("node:url");
  loaded = requireCached(fileURLToPath(new URL("../dist/bundle/ctwg.cjs", import.meta.url)));
} catch (error) {
  if (!["ERR_MODULE_NOT_FOUND", "ENOENT"].includes(error?.code) || !/code-cache|ctwg\.cjs/.test(String(error.message))) throw error;
  process.stderr.write("ctwg: the CLI is not built (dist/ is missing): run `npm run build` in ctwg's folder\n");
  process.exit(2);
}
process.exitCode = await loaded.exports.run(process.argv.slice(2));
