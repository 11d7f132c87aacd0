import { existsSync, watch, type FSWatcher } from "node:fs";
import { basename, dirname, resolve } from "node:path";

/**
 * Calls `onChange` with the files that changed, until `signal` aborts. Why watch folders and not the
 * files: editors save by writing a new file and renaming it over the old one, which ends a watch on
 * the file itself. Changes within 20 ms of each other are taken together, since one save fires
 * several events, all within a millisecond or two; a longer wait would only delay every rebuild.
 */
const QUIET_MS = 20;

export function watchFiles(
  files: readonly string[],
  cwd: string,
  onChange: (changed: string[]) => Promise<void>,
  signal: AbortSignal,
  onError: (error: unknown) => void = () => undefined,
): Promise<void> {
  return new Promise((done) => {
    const byFolder = new Map<string, Map<string, string>>();
    for (const file of files) {
      const absolute = resolve(cwd, file);
      const names = byFolder.get(dirname(absolute)) ?? new Map<string, string>();
      names.set(basename(absolute), file);
      byFolder.set(dirname(absolute), names);
    }
    const pending = new Set<string>();
    let timer: NodeJS.Timeout | undefined;
    let running = Promise.resolve();
    const flush = () => {
      const changed = [...pending];
      pending.clear();
      running = running.then(() => onChange(changed)).catch(onError);
    };
    const watchers: FSWatcher[] = [...byFolder].flatMap(([folder, names]) => {
      // A folder that does not exist (no workplans/ beside a plan given by path) has nothing to watch.
      if (!existsSync(folder)) return [];
      return [
        watch(folder, (_event, name) => {
          const file = name ? names.get(name.toString()) : undefined;
          if (!file) return;
          pending.add(file);
          clearTimeout(timer);
          timer = setTimeout(flush, QUIET_MS);
        }),
      ];
    });
    const stop = () => {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
      void running.then(() => done());
    };
    if (signal.aborted) stop();
    else signal.addEventListener("abort", stop, { once: true });
  });
}
