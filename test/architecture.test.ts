import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./support/workplan.js";

const SRC = join(ROOT, "src");

/** Every TypeScript file under a folder, as a path relative to src/. */
function sourceFiles(folder = SRC): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [relative(SRC, path)] : [];
  });
}

/** The project files a source file imports, statically or with import(), relative to src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(SRC, file), "utf8");
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*"(\.[^"]+)"/g)].map((m) => m[1]!);
  return specifiers.map((specifier) => relative(SRC, resolve(dirname(join(SRC, file)), specifier)).replace(/\.js$/, ".ts"));
}

const files = sourceFiles();
const isApi = (file: string) => file === "index.ts" || file.startsWith("api/");

describe("the house's structure", () => {
  it("reads the imports it checks (a broken reader would pass everything)", () => {
    expect(importsOf("cli/commands/build.ts")).toContain("index.ts");
    expect(files.length).toBeGreaterThan(50);
  });

  it("a command reaches the stages only through the API's front, src/index.ts", () => {
    const allowed = (target: string) =>
      target === "index.ts" || /^(cli|diagnostics|preview)\//.test(target) || target === "package-root.ts";
    const reaching = files
      .filter((file) => file.startsWith("cli/"))
      .flatMap((file) =>
        importsOf(file)
          .filter((target) => !allowed(target))
          .map((target) => `${file} → ${target}`),
      );
    expect(reaching).toEqual([]);
  });

  it("no stage imports the door it sits behind", () => {
    const backUp = files
      .filter((file) => !isApi(file) && !file.startsWith("cli/"))
      .flatMap((file) =>
        importsOf(file)
          .filter(isApi)
          .map((target) => `${file} → ${target}`),
      );
    expect(backUp).toEqual([]);
  });

  it("lint and the renderers keep to their sides: lint never loads a renderer, a renderer never lints or writes", () => {
    const crossing = files.flatMap((file) =>
      importsOf(file)
        .filter(
          (target) =>
            (file.startsWith("lint/") && target.startsWith("render/")) || (file.startsWith("render/") && /^(lint|emit)\//.test(target)),
        )
        .map((target) => `${file} → ${target}`),
    );
    expect(crossing).toEqual([]);
  });

  it("no two folders import each other, directly or round a loop", () => {
    const folderOf = (file: string) => (file.includes("/") ? file.slice(0, file.indexOf("/")) : file);
    const edges = new Map<string, Set<string>>();
    for (const file of files) {
      for (const target of importsOf(file)) {
        const [from, to] = [folderOf(file), folderOf(target)];
        if (from === to) continue;
        edges.set(from, (edges.get(from) ?? new Set()).add(to));
      }
    }
    // The API is one part in two places (src/index.ts re-exports src/api/).
    const part = (folder: string) => (folder === "index.ts" ? "api" : folder);
    const loops: string[] = [];
    const visit = (folder: string, trail: string[]) => {
      for (const next of edges.get(folder) ?? []) {
        if (part(next) === part(trail[0]!) && part(folder) !== part(next)) loops.push([...trail, next].join(" → "));
        else if (!trail.includes(next) && trail.length < 12) visit(next, [...trail, next]);
      }
    };
    for (const folder of edges.keys()) visit(folder, [folder]);
    expect(loops).toEqual([]);
  });
});
