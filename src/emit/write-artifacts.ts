import { constants } from "node:fs";
import { chmod, chown, copyFile, link, lstat, mkdir, readdir, readFile, realpath, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import type { Artifact } from "../model/artifact.js";
import { NAME_MAX_BYTES } from "../model/file-stem.js";
import { writeError, type WriteContext } from "./write-error.js";

export { WriteError } from "./write-error.js";

export interface WriteReport {
  written: string[];
  unchanged: string[];
}

/** Where messages about a write are relative to. */
export interface WriteOptions {
  /** The folder the paths in error messages are shown relative to (default: the process's). */
  cwd?: string;
}

/** A file written under its temporary name, waiting to be renamed over its target. */
interface Staged {
  target: string;
  temporary: string;
}

/**
 * The only code that writes outputs, and it writes all of them or none: every file goes to a
 * temporary name beside its target first, and only when all are written are they renamed over
 * their targets (a rename within a folder is atomic), so a full disk or a killed build never leaves
 * half a file, nor a new Markdown beside an old PDF. A file whose bytes are already on disk is left
 * untouched, so its modification time says when the document last changed. A failure names the
 * file and says what to do.
 */
export async function writeArtifacts(artifacts: readonly Artifact[], outDir: string, options: WriteOptions = {}): Promise<WriteReport> {
  const root = resolve(outDir);
  const cwd = options.cwd ?? process.cwd();
  const targets = artifacts.map((artifact) => ({ path: targetIn(root, artifact.path, outDir), bytes: artifact.bytes }));
  for (const folder of new Set(targets.map((target) => dirname(target.path)))) await removeStaleTemporaries(folder);
  const report: WriteReport = { written: [], unchanged: [] };
  const pending: typeof targets = [];
  for (const target of targets) {
    if (await sameBytes(target.path, target.bytes)) report.unchanged.push(target.path);
    else pending.push(target);
  }
  const context: WriteContext = { again: "build again", untouched: "the previous outputs are untouched" };
  const staged = await stageAll(pending, cwd, context);
  await renameAll(staged, cwd);
  report.written.push(...staged.map((file) => file.target));
  return report;
}

/** An artifact's absolute target; a path that leaves the output folder is a bug upstream, and refused. */
function targetIn(root: string, path: string, outDir: string): string {
  const target = resolve(root, path);
  const inside = relative(root, target);
  if (inside === "" || inside === ".." || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    throw new Error(`refusing to write ${path}: it is outside the output folder ${outDir}`);
  }
  return target;
}

/** Writes every file to its temporary; on the first failure removes the temporaries already written. */
async function stageAll(files: readonly { path: string; bytes: Uint8Array }[], cwd: string, context: WriteContext): Promise<Staged[]> {
  const staged: Staged[] = [];
  for (const file of files) {
    try {
      staged.push({ target: file.path, temporary: await stage(file.path, file.bytes) });
    } catch (error) {
      await Promise.all(staged.map((done) => rm(done.temporary, { force: true })));
      throw writeError(error, shownPath(file.path, cwd), context);
    }
  }
  return staged;
}

/**
 * Renames every temporary over its target. Why a failure here is not rolled back: the writes that
 * fail (no space, no permission, a folder in the way) fail before, while staging; a rename within a
 * folder that was just written to has nothing left to fail on but the folder vanishing.
 */
async function renameAll(staged: readonly Staged[], cwd: string): Promise<void> {
  for (const [i, file] of staged.entries()) {
    try {
      await rename(file.temporary, file.target);
    } catch (error) {
      await Promise.all(staged.slice(i).map((left) => rm(left.temporary, { force: true })));
      const replaced = staged.slice(0, i).map((done) => shownPath(done.target, cwd));
      const untouched =
        replaced.length === 0 ? "the previous outputs are untouched" : `${replaced.join(", ")} already replaced, the others untouched`;
      throw writeError(error, shownPath(file.target, cwd), { again: "build again", untouched });
    }
  }
}

/** What a rewritten file keeps of the one it replaces. */
interface Kept {
  mode: number;
  uid: number;
  gid: number;
}

/**
 * Writes `bytes` to a temporary name beside `target` and returns that name; the target itself is
 * not touched. What would make the rename fail is refused here, before anything is renamed: a
 * folder where the target should be, or a name the file system will not hold (looking it up says so).
 */
async function stage(target: string, bytes: Uint8Array | string, keep?: Kept): Promise<string> {
  const existing = await lstat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  if (existing?.isDirectory()) throw Object.assign(new Error(`EISDIR: ${target} is a folder`), { code: "EISDIR" });
  await mkdir(dirname(target), { recursive: true });
  const temporary = temporaryFor(target);
  try {
    await writeFile(temporary, bytes, { flag: "wx" });
    if (keep) await keepModeAndOwner(temporary, keep);
    return temporary;
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * The temporary name beside a target: `<name>.<pid>.<random>.tmp`, or `.ctwg.<pid>.<random>.tmp`
 * when that would be longer than a file name may be. Why the pid: a later build removes the
 * temporaries of builds that were killed, and only those. Why Math.random and not crypto: the
 * temporary is created exclusively (`wx`), so its name needs to be unlikely to be taken, not
 * unguessable, and loading crypto would cost every command's start-up.
 */
function temporaryFor(target: string): string {
  const random = Math.floor(Math.random() * 0x1_0000_0000)
    .toString(16)
    .padStart(8, "0");
  const suffix = `.${process.pid}.${random}.tmp`;
  const name = basename(target);
  const fits = Buffer.byteLength(name + suffix) <= NAME_MAX_BYTES;
  return join(dirname(target), fits ? name + suffix : `.ctwg${suffix}`);
}

/**
 * Gives the temporary the mode and owner of the file it will replace, before the rename, so a
 * rewritten file is the same file to its readers. Why a refused chown is let pass: only root may
 * give a file away, and a user who may edit the file in place would rather have the edit.
 */
async function keepModeAndOwner(temporary: string, keep: Kept): Promise<void> {
  await chmod(temporary, keep.mode & 0o7777);
  const made = await stat(temporary);
  if (made.uid === keep.uid && made.gid === keep.gid) return;
  await chown(temporary, keep.uid, keep.gid).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EPERM") throw error;
  });
}

/**
 * Writes a file whole or not at all: to a temporary name in the same folder, then renamed over the
 * target. For reports (`lint --output`) and new plans; a failure names the file and what to do.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array | string, options: WriteOptions = {}): Promise<void> {
  await writeWhole(target, bytes, undefined, shownPath(target, options.cwd ?? process.cwd()));
}

/**
 * Creates a file whole, or leaves what is there: staged beside the target, then hard-linked to its
 * name, which fails when a file of that name exists, even one made a moment ago by someone else.
 * Why not check and then rename: a rename replaces, and the check would be stale by then. False
 * when the name was taken.
 */
export async function createFile(target: string, bytes: Uint8Array | string, options: WriteOptions = {}): Promise<boolean> {
  const shown = shownPath(target, options.cwd ?? process.cwd());
  const context = { again: "try again", untouched: `${shown} was not created` };
  let temporary: string;
  try {
    temporary = await stage(target, bytes);
  } catch (error) {
    throw writeError(error, shown, context);
  }
  try {
    await link(temporary, target).catch(async (error: NodeJS.ErrnoException) => {
      // A file system without hard links (FAT, some network shares): an exclusive copy still never replaces.
      if (error.code !== "EPERM" && error.code !== "ENOTSUP" && error.code !== "ENOSYS") throw error;
      await copyFile(temporary, target, constants.COPYFILE_EXCL);
    });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw writeError(error, shown, context);
  } finally {
    await rm(temporary, { force: true });
  }
}

/**
 * Rewrites a file the user keeps (`lint --fix`) as an edit: through a symlink to the file it points
 * to, atomically beside that file, with its mode and owner kept, so the link stays a link and a
 * private plan stays private.
 */
export async function rewriteFile(file: string, text: string, options: WriteOptions = {}): Promise<void> {
  const shown = shownPath(file, options.cwd ?? process.cwd());
  const context = { again: "try again", untouched: `${shown} is as it was` };
  let target: string;
  let kept: Kept;
  try {
    target = await realpath(file);
    kept = await stat(target);
  } catch (error) {
    throw writeError(error, shown, context);
  }
  await writeWhole(target, text, kept, shown);
}

/** Stages one file and renames it over its target, naming `shown` in any failure. */
async function writeWhole(target: string, bytes: Uint8Array | string, keep: Kept | undefined, shown: string): Promise<void> {
  const context = { again: "try again", untouched: `${shown} is as it was` };
  let temporary: string;
  try {
    temporary = await stage(target, bytes, keep);
  } catch (error) {
    throw writeError(error, shown, context);
  }
  try {
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw writeError(error, shown, context);
  }
}

/** A path as the user would type it: relative below the working directory, else absolute. */
function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === "" || rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel) ? path : rel;
}

const TEMPORARY = /\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** The folders this process has cleaned of stale temporaries. */
const cleanedFolders = new Set<string>();

/**
 * Removes temporary files left by a build that was killed between writing and renaming (a killed
 * process cannot clean up after itself). Only files whose writer is no longer running are touched,
 * so a build running beside this one keeps its own. Once a folder a process: a build of many plans
 * into one folder read it again for each plan, which grew with the square of the plans.
 */
async function removeStaleTemporaries(folder: string): Promise<void> {
  if (cleanedFolders.has(folder)) return;
  cleanedFolders.add(folder);
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
