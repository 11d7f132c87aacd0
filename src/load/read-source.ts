import { isUtf8 } from "node:buffer";
import { closeSync, fstatSync, openSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { Diagnostic, Result } from "../diagnostics/diagnostic.js";
import { MAX_SOURCE_BYTES } from "../parse/parse-workplan.js";

/**
 * Reads a workplan's text. Every way a file can fail to be a readable UTF-8 text file becomes a
 * diagnostic: missing, a folder, unreadable, too large (checked before reading), not UTF-8.
 */
export async function readSource(file: string, cwd: string): Promise<Result<string>> {
  const problem = (ruleId: string, message: string, hint?: string): Result<string> => ({
    value: undefined,
    diagnostics: [{ ruleId, severity: "error", message, file, path: [], ...(hint ? { hint } : {}) } satisfies Diagnostic],
  });
  // Why refuse other names: a year is the usual argument, and a stray path (`../../etc/passwd`) is
  // answered with what ctwg reads, rather than with a YAML error about somebody else's file.
  if (!/\.ya?ml$/i.test(file)) {
    return problem("input/not-yaml", `${file} is not a workplan file`, "give a year (2017) or the path of a .yaml file");
  }
  // Why synchronous calls: a command reads its files one after another, and each asynchronous
  // call is a round trip through the thread pool that costs more than the read of a small file.
  let descriptor: number;
  try {
    // A named pipe or a device would block the read: only regular files are opened.
    const kind = statSync(resolve(cwd, file));
    if (kind.isDirectory()) return problem("input/not-a-file", `${file} is a folder, not a workplan file`, "name a YAML file inside it");
    if (!kind.isFile()) return problem("input/not-a-file", `${file} is not a regular file`);
    descriptor = openSync(resolve(cwd, file), "r");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT")
      return problem(
        "input/not-found",
        `${file} does not exist`,
        "give a year with a file in workplans/ (`ctwg lint` lists them) or a path to a YAML file",
      );
    if (code === "EACCES" || code === "EPERM") return problem("input/unreadable", `${file} cannot be read: permission denied`);
    if (code === "EISDIR") return problem("input/not-a-file", `${file} is a folder, not a workplan file`);
    throw error;
  }
  try {
    const stats = fstatSync(descriptor);
    if (stats.isDirectory()) return problem("input/not-a-file", `${file} is a folder, not a workplan file`, "name a YAML file inside it");
    if (!stats.isFile()) return problem("input/not-a-file", `${file} is not a regular file`);
    if (stats.size > MAX_SOURCE_BYTES) {
      return problem(
        "input/too-large",
        `${file} is ${(stats.size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_SOURCE_BYTES / 1024 / 1024} MB`,
        "a workplan is normally under 100 KB; check that this is the file you meant",
      );
    }
    const bytes = readFileSync(descriptor);
    if (bytes.includes(0)) return problem("input/binary", `${file} contains NUL bytes: it is not a text file`);
    // Why isUtf8 and not a fatal TextDecoder: the same check, natively, without the decoder's start-up cost.
    if (!isUtf8(bytes)) {
      const offset = firstInvalidUtf8(bytes);
      const result = problem("input/encoding", `${file} is not valid UTF-8 (first bad byte at offset ${offset})`, "save the file as UTF-8");
      const start = positionOfByte(bytes, offset);
      result.diagnostics[0]!.span = { start, end: { line: start.line, column: start.column + 1 } };
      return result;
    }
    const text = bytes.toString("utf8");
    return { value: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, diagnostics: [] };
  } finally {
    closeSync(descriptor);
  }
}

/** The line and column (in characters) of a byte offset, counting only the valid text before it. */
function positionOfByte(bytes: Buffer, offset: number): { line: number; column: number } {
  const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1;
  let line = 1;
  for (let at = bytes.indexOf(0x0a); at !== -1 && at < offset; at = bytes.indexOf(0x0a, at + 1)) line++;
  return { line, column: [...bytes.subarray(lineStart, offset).toString("utf8")].length + 1 };
}

/** The offset where the first invalid UTF-8 sequence starts (its lead byte, for one cut short). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const failing = firstFailingPrefix(bytes) - 1;
  // The decoder fails at the byte that breaks a sequence; the sequence starts at its lead byte.
  for (let back = failing; back >= Math.max(0, failing - 3); back--) {
    const byte = bytes[back]!;
    if (byte >= 0xc0) return back;
    if (byte < 0x80 && back !== failing) break;
  }
  return Math.max(0, failing);
}

function firstFailingPrefix(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  // Why a binary search: the decoder only says "invalid", and the offset helps find the byte.
  while (low < high) {
    const middle = (low + high) >> 1;
    try {
      // Streaming mode: a prefix that ends inside a character is incomplete, not invalid.
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, middle + 1), { stream: true });
      low = middle + 1;
    } catch {
      high = middle;
    }
  }
  return low + 1;
}
