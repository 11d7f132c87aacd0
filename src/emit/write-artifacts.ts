import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import type { Artifact } from "../model/artifact.js";

export interface WriteReport {
  written: string[];
  unchanged: string[];
}

/**
 * The only code that writes outputs. Each file is written to a temporary name beside its target and
 * renamed over it, so a reader (or a crash) never sees half a file; a file whose bytes are already
 * on disk is left untouched, so its modification time says when the document last changed.
 */
export async function writeArtifacts(artifacts: readonly Artifact[], outDir: string): Promise<WriteReport> {
  const root = resolve(outDir);
  const report: WriteReport = { written: [], unchanged: [] };
  const swept = new Set<string>();
  for (const artifact of artifacts) {
    const target = resolve(root, artifact.path);
    const inside = relative(root, target);
    if (inside === "" || inside === ".." || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
      throw new Error(`refusing to write ${artifact.path}: it is outside the output folder ${outDir}`);
    }
    if (!swept.has(dirname(target))) {
      swept.add(dirname(target));
      await removeStaleTemporaries(dirname(target));
    }
    if (await sameBytes(target, artifact.bytes)) {
      report.unchanged.push(target);
      continue;
    }
    await writeFileAtomic(target, artifact.bytes);
    report.written.push(target);
  }
  return report;
}

/**
 * Writes a file whole or not at all: to a temporary name in the same folder, then renamed over the
 * target (a rename within a folder is atomic). Also used for `lint --fix` and `lint --output`.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array | string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(temporary, bytes, { flag: "wx" });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

const TEMPORARY = /\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Removes temporary files left by a build that was killed between writing and renaming (a killed
 * process cannot clean up after itself). Only files whose writer is no longer running are touched,
 * so a build running beside this one keeps its own.
 */
async function removeStaleTemporaries(folder: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = TEMPORARY.exec(name)?.[1];
    if (pid !== undefined && !isRunning(Number(pid))) await rm(join(folder, name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function sameBytes(path: string, bytes: Uint8Array): Promise<boolean> {
  try {
    return Buffer.from(bytes).equals(await readFile(path));
  } catch {
    return false;
  }
}
