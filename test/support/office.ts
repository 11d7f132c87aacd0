import { execFile } from "node:child_process";
import { accessSync, constants, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

export const SOFFICE_MISSING = "LibreOffice not found: install it with `apt-get install libreoffice-writer-nogui`, or set SOFFICE_PATH";

/** SOFFICE_PATH when set, else Debian's soffice; undefined when there is none. */
export function findSoffice(env: Record<string, string | undefined> = process.env): string | undefined {
  const candidates = env.SOFFICE_PATH ? [env.SOFFICE_PATH] : ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"];
  return candidates.find((path) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Converts files with one LibreOffice start (`soffice --convert-to`), as a user would: to "pdf",
 * or to "docx" for a round trip through Writer. Why a profile folder a call: two LibreOffice
 * processes sharing one profile wait on each other or fail. Returns the converted files' paths.
 */
export async function convertWithOffice(soffice: string, files: readonly string[], to: "pdf" | "docx", outDir: string): Promise<string[]> {
  const profile = mkdtempSync(join(tmpdir(), "ctwg-office-"));
  try {
    await run(
      soffice,
      [
        "--headless",
        "--norestore",
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        "--convert-to",
        to === "docx" ? "docx:MS Word 2007 XML" : to,
        "--outdir",
        outDir,
        ...files,
      ],
      { timeout: 120_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const made = readdirSync(outDir);
  return files.map((file) => {
    const name = file.replace(/^.*\//, "").replace(/\.[^.]+$/, `.${to}`);
    if (!made.includes(name)) throw new Error(`LibreOffice made no ${name} in ${outDir}`);
    return join(outDir, name);
  });
}

/**
 * A `describe` whose tests need LibreOffice. Without it the suite is skipped with a message saying
 * how to get it; with CTWG_OFFICE_TESTS=required (CI) it fails instead, so CI cannot pass by skipping.
 */
export function officeTests(name: string, body: (soffice: string) => void): void {
  const soffice = findSoffice();
  if (soffice) {
    describe(name, () => body(soffice));
    return;
  }
  if (process.env.CTWG_OFFICE_TESTS === "required") {
    describe(name, () => {
      it("has LibreOffice to convert with (CTWG_OFFICE_TESTS=required)", () => {
        expect.fail(SOFFICE_MISSING);
      });
    });
    return;
  }
  console.warn(`${name}: skipped. ${SOFFICE_MISSING}`);
  describe.skip(`${name} (skipped: ${SOFFICE_MISSING})`, () => body(""));
}
