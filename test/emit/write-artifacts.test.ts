import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync, type Dirent } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeArtifacts } from "../../src/emit/write-artifacts.js";
import type { Artifact } from "../../src/model/artifact.js";

const bytes = (text: string) => new TextEncoder().encode(text);

/** Every file under `dir`, relative, sorted. */
function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

let root: string;
let out: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "ctwg-emit-"));
  out = join(root, "out");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("writeArtifacts", () => {
  it("creates the folders and writes the bytes, leaving no temporary file", async () => {
    const artifacts: Artifact[] = [
      { path: "2017/plan.md", bytes: bytes("# Plan\n") },
      { path: "2017/deep/er/plan.html", bytes: bytes("<p>é</p>\n") },
    ];
    const report = await writeArtifacts(artifacts, out);
    expect(report.written).toEqual([join(out, "2017", "plan.md"), join(out, "2017", "deep", "er", "plan.html")]);
    expect(report.unchanged).toEqual([]);
    expect(readFileSync(join(out, "2017", "plan.md"), "utf8")).toBe("# Plan\n");
    expect(readFileSync(join(out, "2017", "deep", "er", "plan.html"), "utf8")).toBe("<p>é</p>\n");
    expect(filesUnder(out)).toEqual(["2017/deep/er/plan.html", "2017/plan.md"]);
    expect(filesUnder(root).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("leaves a file with the same bytes untouched and reports it unchanged", async () => {
    const artifact = { path: "2017/plan.md", bytes: bytes("same\n") };
    await writeArtifacts([artifact], out);
    const target = join(out, "2017", "plan.md");
    const past = new Date("2020-01-01T00:00:00Z");
    utimesSync(target, past, past);
    const report = await writeArtifacts([artifact], out);
    expect(report).toEqual({ written: [], unchanged: [target] });
    expect(statSync(target).mtimeMs).toBe(past.getTime());
  });

  it("replaces a file whose bytes differ", async () => {
    await writeArtifacts([{ path: "plan.md", bytes: bytes("old, and longer than the new text\n") }], out);
    const report = await writeArtifacts([{ path: "plan.md", bytes: bytes("new\n") }], out);
    expect(report.written).toEqual([join(out, "plan.md")]);
    expect(readFileSync(join(out, "plan.md"), "utf8")).toBe("new\n");
    expect(filesUnder(out)).toEqual(["plan.md"]);
  });

  it("refuses a path that leaves the output folder, and writes nothing there", async () => {
    for (const path of ["../x", "2017/../../x", join(root, "elsewhere.md")]) {
      await expect(writeArtifacts([{ path, bytes: bytes("x") }], out), path).rejects.toThrow(/outside the output folder/);
    }
    expect(existsSync(join(root, "x"))).toBe(false);
    expect(existsSync(join(root, "elsewhere.md"))).toBe(false);
  });

  // Bug (latent: the CLI's artifact paths never start with ".."): the check is
  // `relative(root, target).startsWith("..")`, so a file *inside* the folder whose name starts with
  // two dots is refused as "outside the output folder".
  it("accepts a name that merely starts with two dots", async () => {
    const report = await writeArtifacts([{ path: "..plan.md", bytes: bytes("x") }], out);
    expect(report.written).toEqual([join(out, "..plan.md")]);
  });

  it("cleans up its temporary file when the rename fails", async () => {
    // A folder where the file should go makes the rename fail after the temporary file is written.
    mkdirSync(join(out, "2017", "plan.md"), { recursive: true });
    writeFileSync(join(out, "2017", "plan.md", "keep"), "");
    await expect(writeArtifacts([{ path: "2017/plan.md", bytes: bytes("x") }], out)).rejects.toThrow();
    expect(filesUnder(out).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
