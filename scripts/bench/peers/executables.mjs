// Finding the tools the benchmark measures against, and asking them their version.
import { spawnSync } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";

/** The full path of an executable on PATH (or given absolutely), or undefined. */
export function which(name) {
  const candidates = name.includes("/")
    ? [name]
    : (process.env.PATH ?? "")
        .split(delimiter)
        .filter(Boolean)
        .map((dir) => join(dir, name));
  for (const path of candidates) {
    try {
      accessSync(path, constants.X_OK);
      if (statSync(path).isFile()) return path;
    } catch {
      // not there
    }
  }
  return undefined;
}

/** The first line a command prints (its version, asked with `--version`). */
export function firstLine(command, args) {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 10_000 });
  return (
    `${result.stdout ?? ""}${result.stderr ?? ""}`
      .split("\n")
      .map((l) => l.trim())
      .find(Boolean) ?? ""
  );
}
