import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, type Dirent } from "node:fs";
import { createHash } from "node:crypto";
import { dirname, join, relative } from "node:path";
import { expect } from "vitest";
import { runCli, tempProject, type RunResult } from "../support/cli.js";
import { ROOT } from "../support/workplan.js";

/** A line of a JavaScript stack trace: "    at fn (file:1:2)". */
export const STACK_LINE = /^\s+at\s+\S.*$/m;

/** One finding of `ctwg lint --format json`. */
export interface Finding {
  file: string;
  line: number | null;
  column: number | null;
  endLine: number | null;
  endColumn: number | null;
  severity: string;
  ruleId: string;
  message: string;
  hint: string | null;
  path: (string | number)[];
}

/** A temporary project whose `workplans/2017.yaml` (or `file`) holds `content` instead of the committed plan. */
export function projectWith(content: string | Uint8Array, file = "workplans/2017.yaml"): { cwd: string; cleanup: () => void } {
  const project = tempProject();
  mkdirSync(dirname(join(project.cwd, file)), { recursive: true });
  writeFileSync(join(project.cwd, file), content);
  return project;
}

/** Runs `ctwg lint ARGS --format json` and parses the report. */
export async function lintJson(args: string[], cwd: string): Promise<RunResult & { findings: Finding[] }> {
  const result = await runCli(["lint", ...args, "--format", "json"], cwd);
  return { ...result, findings: result.stdout.trim() ? (JSON.parse(result.stdout) as Finding[]) : [] };
}

/** What a user sees must never be a stack trace, and no line may run past `width` characters. */
export function expectReadable(text: string, width = 200): void {
  expect(text).not.toMatch(STACK_LINE);
  expect(text).not.toContain("this is a bug");
  const longest = Math.max(0, ...text.split("\n").map((line) => line.length));
  expect(longest, "the longest output line").toBeLessThanOrEqual(width);
}

/** Every file under `dir` with the hash of its bytes, relative paths sorted. */
export function snapshotFiles(dir: string): Map<string, string> {
  const files = (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
  return new Map(files.sort().map((file) => [relative(dir, file), sha256(readFileSync(file))]));
}

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The 1-based line and column of the first occurrence of `needle` in `text`; throws when absent. */
export function positionOf(text: string, needle: string, from = 0): { line: number; column: number } {
  const at = text.indexOf(needle, from);
  if (at === -1) throw new Error(`not found: ${JSON.stringify(needle)}`);
  const before = text.slice(0, at);
  const line = before.split("\n").length;
  return { line, column: at - (before.lastIndexOf("\n") + 1) + 1 };
}

/** A deterministic stream of bytes (xorshift), so a "random" file is the same in every run. */
export function pseudoRandomBytes(length: number, seed = 2017): Buffer {
  let state = seed >>> 0 || 1;
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

/**
 * bin/ctwg.js, after checking that the file it runs exists. Why no rebuild here: the global setup
 * (test/support/global-setup.ts) builds the CLI once before any test when it is missing or stale;
 * rebuilding again mid-run would pull files from under processes other tests are running.
 */
export function builtBin(): string {
  const bin = join(ROOT, "bin", "ctwg.js");
  const targets = [...readFileSync(bin, "utf8").matchAll(/"(\.\.\/dist\/[^"]+)"/g)].map((match) => match[1]!);
  const missing = targets.find((target) => !existsSync(join(ROOT, "bin", target)));
  if (targets.length === 0 || missing)
    throw new Error(`bin/ctwg.js runs ${missing ?? "an unknown file"}, which is not built: run \`npm run build\``);
  return bin;
}
