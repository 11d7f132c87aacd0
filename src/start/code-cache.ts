import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Script } from "node:vm";

/** What became of the code cache beside a bundle's file when it was loaded. */
export type CodeCacheUse = "accepted" | "rejected" | "absent";

/** One file of a bundle as loaded: its exports, and what it made of its code cache. */
interface LoadedFile {
  exports: Record<string, unknown>;
  cache: CodeCacheUse;
  script: Script;
}

export interface CachedBundle {
  /** The entry file's exports. */
  exports: Record<string, unknown>;
  /** Each file of the bundle loaded so far (the entry and the chunks it required), by path. */
  files(): ReadonlyMap<string, { cache: CodeCacheUse }>;
  /** Writes each loaded file's code cache as it is now, the functions compiled so far included. */
  saveCodeCaches(): void;
}

/** Where a bundle file's code cache lives: beside it. */
export const cacheFileOf = (file: string): string => `${file}.cache`;

/** The function a CommonJS file's text becomes, as Node's own loader wraps it. */
const wrap = (source: string) => `(function (exports, require, module, __filename, __dirname) {${source}\n})`;

/**
 * Evaluates a CommonJS bundle as `require` would, each of its files (the entry and the chunks it
 * requires) compiled from V8's code cache beside it when there is one. Why: parsing and compiling
 * the bundle is a third of a command's own start-up, and the cache holds the compiled code of every
 * function a typical run needed. V8 checks a cache against its own version and flags and refuses one
 * made by another Node; the file then compiles from source as usual, only slower, so a cache from
 * elsewhere is never wrong. The build removes the bundle and its caches together, so a cache is never
 * older than its file. Packages outside the bundle load through Node's require as usual. The bundle
 * has no `import()` (scripts/bundle.mjs sees to it): Node 20 loses a script's dynamic-import
 * handler when the script comes from a code cache.
 */
export function requireCached(entry: string): CachedBundle {
  const loaded = new Map<string, LoadedFile>();
  const folder = dirname(entry);
  const outside = createRequire(entry);

  const load = (file: string): LoadedFile => {
    const known = loaded.get(file);
    if (known) return known;
    const cachedData = readIfPresent(cacheFileOf(file));
    const script = new Script(wrap(readFileSync(file, "utf8")), { filename: file, ...(cachedData ? { cachedData } : {}) });
    const module = { exports: {} as Record<string, unknown> };
    const result: LoadedFile = {
      exports: module.exports,
      cache: !cachedData ? "absent" : script.cachedDataRejected ? "rejected" : "accepted",
      script,
    };
    // Registered before it runs, as require does, so chunks that require each other in a circle finish.
    loaded.set(file, result);
    const evaluate = script.runInThisContext() as (...args: unknown[]) => void;
    evaluate.call(module.exports, module.exports, requireFor(file), module, file, dirname(file));
    result.exports = module.exports;
    return result;
  };

  /** A file's `require`: the bundle's own chunks through this loader, anything else through Node's. */
  const requireFor = (file: string) => {
    const own = createRequire(file);
    const require = (id: string) => (id.startsWith("./") && id.endsWith(".cjs") ? load(join(folder, id)).exports : outside(id));
    return Object.assign(require, { resolve: own.resolve, cache: own.cache, main: own.main, extensions: own.extensions });
  };

  const main = load(entry);
  return {
    exports: main.exports,
    files: () => new Map([...loaded].map(([file, { cache }]) => [file, { cache }])),
    saveCodeCaches() {
      for (const [file, { script }] of loaded) writeWhole(cacheFileOf(file), script.createCachedData());
    },
  };
}

function readIfPresent(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Writes a file whole or not at all: a reader never sees half a cache. */
function writeWhole(target: string, data: Buffer): void {
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, target);
}
