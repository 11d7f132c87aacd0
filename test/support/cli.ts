import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Io } from "../../src/cli/io.js";
import { run } from "../../src/cli/program.js";
import { ROOT } from "./workplan.js";

/** What one in-process run of the CLI printed and returned. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Standard output as written, for a format that prints bytes (a Word redline). */
  stdoutBytes: Buffer;
}

/**
 * Runs the CLI in-process with captured output; no colour unless `env` asks for it. `signal` stops
 * long-running commands (--watch, preview); `onWrite` sees the output as it is written, for tests
 * that act while such a command runs.
 */
export async function runCli(
  argv: string[],
  cwd: string,
  env: Record<string, string> = {},
  tty = false,
  signal?: AbortSignal,
  onWrite?: (stream: "stdout" | "stderr", text: string) => void,
): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const bytes: Buffer[] = [];
  const io: Io = {
    stdout: {
      write: (out: string | Uint8Array) => {
        const text = typeof out === "string" ? out : Buffer.from(out).toString("latin1");
        bytes.push(typeof out === "string" ? Buffer.from(out) : Buffer.from(out));
        stdout += text;
        onWrite?.("stdout", text);
        return true;
      },
      isTTY: tty,
    },
    stderr: {
      write: (text: string) => {
        stderr += text;
        onWrite?.("stderr", text);
        return true;
      },
      isTTY: tty,
    },
    env,
    cwd,
    ...(signal ? { signal } : {}),
  };
  const code = await run(argv, io);
  return { code, stdout, stderr, stdoutBytes: Buffer.concat(bytes) };
}

/** A temporary working folder holding copies of workplans/2017.yaml and the glossary; remove it with `cleanup`. */
export function tempProject(options: { with2017?: boolean } = {}): { cwd: string; cleanup: () => void } {
  const cwd = mkdtempSync(join(tmpdir(), "ctwg-test-"));
  if (options.with2017 ?? true) {
    mkdirSync(join(cwd, "workplans"));
    copyFileSync(join(ROOT, "workplans", "2017.yaml"), join(cwd, "workplans", "2017.yaml"));
    copyFileSync(join(ROOT, "workplans", "glossary.yaml"), join(cwd, "workplans", "glossary.yaml"));
  }
  return { cwd, cleanup: () => rmSync(cwd, { recursive: true, force: true }) };
}
