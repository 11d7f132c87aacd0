import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cacheFileOf, requireCached } from "../../src/start/code-cache.js";
import { ROOT } from "../support/workplan.js";

const work = mkdtempSync(join(tmpdir(), "ctwg-code-cache-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A two-file CommonJS bundle: an entry that requires a chunk of its own and a built-in module. */
function smallBundle(name: string): string {
  const folder = join(work, name);
  mkdirSync(folder);
  writeFileSync(join(folder, "chunk-a1.cjs"), "exports.twice = (n) => n * 2;\n");
  writeFileSync(
    join(folder, "main.cjs"),
    'const { twice } = require("./chunk-a1.cjs");\nconst { basename } = require("node:path");\nexports.answer = () => twice(21) + ":" + basename(__filename);\n',
  );
  return join(folder, "main.cjs");
}

const uses = (bundle: ReturnType<typeof requireCached>) => [...bundle.files().values()].map((file) => file.cache);

describe("requireCached", () => {
  it("loads a bundle without caches, saves one per file, and then compiles from them", () => {
    const entry = smallBundle("fresh");
    const first = requireCached(entry);
    expect((first.exports.answer as () => string)()).toBe("42:main.cjs");
    expect(uses(first)).toEqual(["absent", "absent"]);
    first.saveCodeCaches();
    expect(
      readdirSync(join(work, "fresh"))
        .filter((name) => name.endsWith(".cache"))
        .sort(),
    ).toEqual(["chunk-a1.cjs.cache", "main.cjs.cache"]);

    const second = requireCached(entry);
    expect((second.exports.answer as () => string)()).toBe("42:main.cjs");
    expect(uses(second)).toEqual(["accepted", "accepted"]);
  });

  it("compiles from source, with the same result, when V8 refuses a cache", () => {
    const entry = smallBundle("refused");
    writeFileSync(cacheFileOf(entry), Buffer.from("not a code cache of this Node"));
    const bundle = requireCached(entry);
    expect((bundle.exports.answer as () => string)()).toBe("42:main.cjs");
    expect(uses(bundle)).toEqual(["rejected", "absent"]);
  });
});

/** Runs `lint 2017` from the bundle at `entry` in a fresh Node, as bin/ctwg.js does; returns what it printed and the caches' fate. */
function lintWith(entry: string) {
  const script = `
    const { requireCached } = await import(${JSON.stringify(join(ROOT, "dist/start/code-cache.js"))});
    const bundle = requireCached(${JSON.stringify(entry)});
    const out = [];
    const sink = { write: (text) => out.push(text), isTTY: false };
    const code = await bundle.exports.run(["lint", "2017", "--format", "compact"], { stdout: sink, stderr: sink, env: { NO_COLOR: "1" }, cwd: ${JSON.stringify(ROOT)} });
    const entryUse = bundle.files().get(${JSON.stringify(entry)}).cache;
    process.stdout.write(JSON.stringify({ code, out: out.join(""), entryUse }));`;
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  expect(result.stderr).toBe("");
  return JSON.parse(result.stdout) as { code: number; out: string; entryUse: string };
}

describe("the CLI bundle's code cache", () => {
  const built = join(ROOT, "dist", "bundle", "ctwg.cjs");

  it("is made by the build and accepted by the Node that made it", () => {
    expect(readFileSync(cacheFileOf(built)).length).toBeGreaterThan(0);
    const run = lintWith(built);
    expect(run.entryUse).toBe("accepted");
    expect(run.code).toBe(0);
    expect(run.out).toContain("[stale-date]");
  });

  it("when refused (another Node made it), the same command prints the same, compiled from source", () => {
    const copy = join(work, "package");
    mkdirSync(join(copy, "dist"), { recursive: true });
    cpSync(join(ROOT, "dist", "bundle"), join(copy, "dist", "bundle"), { recursive: true });
    cpSync(join(ROOT, "package.json"), join(copy, "package.json"));
    symlinkSync(join(ROOT, "node_modules"), join(copy, "node_modules"));
    for (const name of readdirSync(join(copy, "dist", "bundle")).filter((file) => file.endsWith(".cache"))) {
      writeFileSync(join(copy, "dist", "bundle", name), Buffer.from("made by some other Node"));
    }
    const refused = lintWith(join(copy, "dist", "bundle", "ctwg.cjs"));
    expect(refused.entryUse).toBe("rejected");
    expect(refused).toEqual({ ...lintWith(built), entryUse: "rejected" });
  });
});
