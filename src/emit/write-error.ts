/** How a failed write is worded: what to do again, and what the failure left as it was. */
export interface WriteContext {
  /** "build again", "try again". */
  again: string;
  /** "the previous outputs are untouched", "workplans/2017.yaml is as it was". */
  untouched: string;
}

/**
 * A write the system refused, named after the file and saying what to do. It keeps the system's
 * `code` (ENOSPC), so the CLI reports it as an I/O error in one line, not as a bug.
 */
export class WriteError extends Error {
  override name = "WriteError";
  constructor(
    message: string,
    readonly code: string,
    readonly file: string,
  ) {
    super(message);
  }
}

/** What each common failure is, in words, and what the user can do about it. */
const REASONS: Record<string, { reason: string; advice: (context: WriteContext) => string }> = {
  ENOSPC: { reason: "no space left on device", advice: (c) => `free some space and ${c.again}` },
  EDQUOT: { reason: "disk quota exceeded", advice: (c) => `free some space or raise the quota, and ${c.again}` },
  EACCES: { reason: "permission denied", advice: (c) => `make the folder writable, or write somewhere else, and ${c.again}` },
  EPERM: { reason: "operation not permitted", advice: (c) => `make the folder writable, or write somewhere else, and ${c.again}` },
  EROFS: { reason: "read-only file system", advice: () => "write to a folder on a writable file system" },
  ENAMETOOLONG: {
    reason: "name too long for the file system",
    advice: () => "use a shorter name (the documents are named after the cover symbol)",
  },
  EISDIR: { reason: "a folder is in the way", advice: (c) => `move the folder of that name away and ${c.again}` },
  ENOTDIR: { reason: "a file is in the way of a folder on the path", advice: (c) => `move that file away and ${c.again}` },
  // Why EEXIST reads so: making a folder fails with it when a file has the folder's name.
  EEXIST: { reason: "a file is in the way of a folder on the path", advice: (c) => `move that file away and ${c.again}` },
  ENOENT: { reason: "no such file or folder", advice: (c) => `check the path and ${c.again}` },
  EMFILE: { reason: "too many open files", advice: (c) => `close some programs and ${c.again}` },
  ENFILE: { reason: "too many open files on the system", advice: (c) => `close some programs and ${c.again}` },
  EIO: { reason: "input/output error", advice: () => "check the disk" },
};

/** The error for a failed write of `shown` (the file as the user would type it); anything but a system error passes through. */
export function writeError(error: unknown, shown: string, context: WriteContext): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (error instanceof WriteError || typeof code !== "string" || !/^E[A-Z]+$/.test(code)) return error;
  const known = REASONS[code];
  const reason = known?.reason ?? `${code} (${(error as Error).message})`;
  const advice = known?.advice(context) ?? `check the folder and ${context.again}`;
  return new WriteError(`${reason} writing ${shown}: ${advice}; ${context.untouched}`, code, shown);
}
