// The ctwg being measured: where it is, that it is built from the current sources, and the
// constants of it the workloads need.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { progress } from "./progress.mjs";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const BIN = join(ROOT, "bin", "ctwg.js");
export const NODE = process.execPath;
/** The file stem of the 2017 plan's documents (its document symbol). */
export const STEM = "2017_som1_sce-cow_002";
const BUNDLE = join(ROOT, "dist", "bundle", "ctwg.cjs");

function newest(folder) {
  return readdirSync(folder, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(folder, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);
}

/**
 * The built CLI, built first (`npm run build`) when it is missing or older than src/ or templates/,
 * so the figures are for the sources as they are. CTWG_BENCH_NO_BUILD=1 (set by the smoke test,
 * whose setup has built it) measures the build as it is: rebuilding would replace dist/ under the
 * other tests while they run it. Returns how the CLI measured was built, for the report.
 */
export function ensureBuilt() {
  const sources = ["src", "templates"].map((dir) => join(ROOT, dir)).filter((dir) => existsSync(dir));
  const current = existsSync(BUNDLE) && sources.every((dir) => statSync(BUNDLE).mtimeMs >= newest(dir));
  if (current) return "built from the current src/ and templates/";
  if (process.env.CTWG_BENCH_NO_BUILD === "1") {
    if (!existsSync(BUNDLE)) {
      process.stderr.write("bench: the CLI is not built (dist/bundle/ctwg.cjs is missing); run `npm run build` first\n");
      process.exit(1);
    }
    progress("warning: dist/bundle/ is older than src/ or templates/; measuring it as it is (CTWG_BENCH_NO_BUILD=1)");
    return "**older than src/ or templates/** (CTWG_BENCH_NO_BUILD=1: the figures are for that older build)";
  }
  progress("the built CLI is missing or older than src/ or templates/; building it with `npm run build`");
  // stdout to stderr: the benchmark's own output is its report file and its progress.
  const result = spawnSync(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "build"], { stdio: ["ignore", 2, 2], cwd: ROOT });
  if (result.status !== 0) {
    process.stderr.write(
      `bench: \`npm run build\` failed (${result.error?.message ?? `exit ${result.status}`}); fix it, then run the benchmark again\n`,
    );
    process.exit(1);
  }
  return "built by the benchmark from the current src/ and templates/ before it ran";
}

/** The largest workplan file ctwg accepts, from the compiled source (the constant MAX_SOURCE_BYTES). */
export async function maxSourceBytes() {
  try {
    const module = await import(pathToFileURL(join(ROOT, "dist", "parse", "parse-workplan.js")).href);
    if (Number.isInteger(module.MAX_SOURCE_BYTES)) return module.MAX_SOURCE_BYTES;
  } catch {
    // fall back to reading the source
  }
  const source = readFileSync(join(ROOT, "src/parse/parse-workplan.ts"), "utf8");
  const expression = /MAX_SOURCE_BYTES\s*=\s*([\d_\s*]+);/.exec(source)?.[1];
  if (!expression) throw new Error("MAX_SOURCE_BYTES not found in src/parse/parse-workplan.ts");
  return expression.split("*").reduce((product, factor) => product * Number(factor.replaceAll("_", "").trim()), 1);
}

/** The formats `ctwg build` writes when given no --format (its FORMAT_IDS), from the compiled source. */
export async function defaultFormats() {
  try {
    const module = await import(pathToFileURL(join(ROOT, "dist", "render", "format.js")).href);
    if (Array.isArray(module.FORMAT_IDS)) return [...module.FORMAT_IDS];
  } catch {
    // fall back to reading the source
  }
  const list = /FORMAT_IDS\s*=\s*\[([^\]]*)\]/.exec(readFileSync(join(ROOT, "src/render/format.ts"), "utf8"))?.[1];
  if (!list) throw new Error("FORMAT_IDS not found in src/render/format.ts");
  return [...list.matchAll(/"([^"]+)"/g)].map((match) => match[1]);
}
