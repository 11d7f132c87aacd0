import { Chalk } from "chalk";
import { fstatSync } from "node:fs";
import { NO_PAINT, type Paint } from "../diagnostics/formatters/formatter.js";

/** Where a command reads and writes: the real process, or buffers in tests. */
export interface Io {
  stdout: { write(text: string | Uint8Array): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
  /** Ends long-running commands (--watch, preview): Ctrl-C in a terminal, the test's controller in tests. */
  signal?: AbortSignal;
  /** The file standard output was redirected to, when it is a regular file: so a command never writes over its input. */
  stdoutFile?: () => { dev: bigint; ino: bigint } | undefined;
}

/**
 * The real process: its streams, environment and folder, and Ctrl-C as the signal to stop. Why the
 * signal is made on first use: listening for Ctrl-C stops Node from ending the process on it, which
 * only a command that runs until stopped may do.
 */
export function processIo(): Io {
  let controller: AbortController | undefined;
  // A reader that stops early (`ctwg lint | head`) closes the pipe: what is left to print is dropped,
  // and the command still ends with the exit code of what it found, instead of a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
    });
  }
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    stdoutFile: regularFileOn(1),
    get signal() {
      if (!controller) {
        const made = new AbortController();
        process.once("SIGINT", () => made.abort());
        process.once("SIGTERM", () => made.abort());
        controller = made;
      }
      return controller.signal;
    },
  };
}

/** Reads which regular file a descriptor is open on, if any (a terminal or a pipe is none). */
function regularFileOn(fd: number): () => { dev: bigint; ino: bigint } | undefined {
  return () => {
    try {
      const stats = fstatSync(fd, { bigint: true });
      return stats.isFile() ? { dev: stats.dev, ino: stats.ino } : undefined;
    } catch {
      return undefined;
    }
  };
}

/**
 * The one decision about colour, made at the edge: `--no-color` and `NO_COLOR` turn it off,
 * `FORCE_COLOR` turns it on, otherwise a terminal gets colour and a pipe does not.
 */
export function paintFor(io: Io, stream: "stdout" | "stderr", colorFlag: boolean): Paint {
  const force = io.env.FORCE_COLOR;
  const enabled =
    colorFlag &&
    !("NO_COLOR" in io.env && io.env.NO_COLOR !== "") &&
    (force !== undefined ? force !== "0" && force !== "false" : Boolean(io[stream].isTTY));
  if (!enabled) return NO_PAINT;
  const chalk = new Chalk({ level: 1 });
  return {
    error: chalk.red,
    warning: chalk.yellow,
    info: chalk.blue,
    accent: chalk.cyan,
    dim: chalk.dim,
    bold: chalk.bold,
    inserted: chalk.green.underline,
    deleted: chalk.red.strikethrough,
  };
}
