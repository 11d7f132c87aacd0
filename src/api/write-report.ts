import { resolve } from "node:path";
import { writeFileAtomic } from "../emit/write-artifacts.js";
import { overwrittenInput, type Overwrite } from "./overwritten-input.js";

/** Where a report is written from, and what it must not replace. */
export interface WriteReportOptions {
  cwd?: string;
  /** The project's root, whose plans, glossary and configuration the report never replaces (default: cwd). */
  root?: string;
  /** The files the command read (the plans linted, the two sides of a diff): the report never replaces one. */
  inputs?: readonly string[];
  /** The configuration file given with --config. */
  configFile?: string;
}

/** Whether a report was written; `refused` when its file is an input (a plan, the glossary, the configuration). */
export interface WriteReportResult {
  written: boolean;
  refused?: Overwrite;
}

/**
 * Writes a report (`lint --output`, `diff --output`) whole or not at all, like every output, and
 * never over a file ctwg reads or keeps: `lint 2017 --output workplans/2017.yaml` is refused.
 */
export async function writeReport(file: string, text: string | Uint8Array, options: WriteReportOptions = {}): Promise<WriteReportResult> {
  const cwd = options.cwd ?? process.cwd();
  const refused = await overwrittenInput([file], options.inputs ?? [], { cwd, root: options.root, configFile: options.configFile });
  if (refused) return { written: false, refused };
  await writeFileAtomic(resolve(cwd, file), text, { cwd });
  return { written: true };
}
