import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BUNDLE = join(ROOT, "dist", "bundle", "ctwg.cjs");

/** The newest modification time of the files under a folder. */
function newest(folder: string): number {
  return readdirSync(folder, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(folder, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);
}

/**
 * Before any test: tests that run `bin/ctwg.js` as a real process need the built CLI, so build it
 * once here when it is missing or older than the sources (`npm ci` builds it; an edit does not).
 */
export default function setup(): void {
  const sources = Math.max(newest(join(ROOT, "src")), newest(join(ROOT, "templates")));
  if (existsSync(BUNDLE) && statSync(BUNDLE).mtimeMs >= sources) return;
  execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", ROOT], { stdio: "inherit" });
  execFileSync(process.execPath, [join(ROOT, "scripts/precompile-templates.mjs")], { stdio: "inherit" });
  execFileSync(process.execPath, [join(ROOT, "scripts/bundle.mjs")], { stdio: "inherit" });
}
