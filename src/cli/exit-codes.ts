/** Exit codes, the same for every command. */
export const EXIT = {
  /** Success: the input is valid (warnings allowed) and every output was written. */
  ok: 0,
  /** The input has errors (or, for comparisons, differences). */
  problems: 1,
  /** Usage, I/O or internal error. */
  failure: 2,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
