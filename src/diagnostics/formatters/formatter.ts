import type { Diagnostic } from "../diagnostic.js";
import type { RuleMeta } from "../rule-meta.js";

/** Styles a formatter may apply; identity functions when colour is off. */
export interface Paint {
  error(text: string): string;
  warning(text: string): string;
  info(text: string): string;
  accent(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  /** Words a diff adds and removes. */
  inserted(text: string): string;
  deleted(text: string): string;
}

export interface FormatOptions {
  /** Each file's text, for code frames. */
  sources: ReadonlyMap<string, string>;
  paint: Paint;
  /** Metadata of every rule that may appear, for formats that describe rules (SARIF). */
  rules?: readonly RuleMeta[];
  /** ctwg's version, for formats that name the tool. */
  toolVersion?: string;
  /** Every file checked, in the order checked, including those with no findings (JUnit lists each). */
  files?: readonly string[];
}

/** A formatter is a pure function from diagnostics to the text printed. */
export type Formatter = (diagnostics: readonly Diagnostic[], options: FormatOptions) => string;

const same = (text: string) => text;
export const NO_PAINT: Paint = {
  error: same,
  warning: same,
  info: same,
  accent: same,
  dim: same,
  bold: same,
  inserted: same,
  deleted: same,
};
