// Packs ctwg as `npm publish` would and installs the tarball into a new folder, the way a plan
// repository that depends on it gets it. Why a lockfile for the install: the packages come from
// npm's cache, as `npm ci` left them, so no network is needed; the lockfile is this repository's,
// less its dev tools. Used by the package test and by the benchmark's start-up comparison.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const npm = (args, cwd) => execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

/**
 * Packs into `folder` and installs into `folder/plans`; returns the files packed, the project's
 * folder and the installed `ctwg` executable. dist/ must be built (npm ci builds it): packing
 * skips the scripts, since `npm pack` would only run the same build again.
 */
export function installPacked(folder) {
  if (!existsSync(join(ROOT, "dist", "bundle", "ctwg.cjs"))) throw new Error("dist/ is not built: run `npm run build` (npm ci does it)");
  mkdirSync(folder, { recursive: true });
  const [packed] = JSON.parse(npm(["pack", "--ignore-scripts", "--json", "--pack-destination", folder], ROOT));
  const tarball = `file:../${packed.filename}`;
  const project = join(folder, "plans");
  mkdirSync(project, { recursive: true });
  const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8"));
  const own = lock.packages[""];
  const packages = {
    "": { name: "plans", dependencies: { ctwg: tarball } },
    "node_modules/ctwg": {
      version: own.version,
      resolved: tarball,
      license: own.license,
      dependencies: own.dependencies,
      bin: own.bin,
      engines: own.engines,
    },
  };
  for (const [path, entry] of Object.entries(lock.packages))
    if (path.startsWith("node_modules/") && !entry.dev && !entry.link) packages[path] = entry;
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "plans", private: true, dependencies: { ctwg: tarball } }));
  writeFileSync(join(project, "package-lock.json"), JSON.stringify({ name: "plans", lockfileVersion: 3, requires: true, packages }));
  npm(["ci", "--offline", "--no-audit", "--no-fund", "--loglevel=error"], project);
  return { files: packed.files.map((f) => f.path), project, bin: join(project, "node_modules", "ctwg", "bin", "ctwg.js") };
}
