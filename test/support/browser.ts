import { accessSync, constants, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

/** Why these flags: TOOLCHAIN.md; a test browser talks to nothing but the page under test. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const CHROMIUM_MISSING = "Chromium not found: install it with `apt-get install chromium`, or set CHROMIUM_PATH";

const executable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * The Chromium to test with: CHROMIUM_PATH when set (and then only it, so a wrong path is noticed),
 * else Debian's /usr/bin/chromium, else /usr/bin/chromium-browser; undefined when there is none.
 */
export function findChromium(env: Record<string, string | undefined> = process.env): string | undefined {
  if (env.CHROMIUM_PATH) return executable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
  return ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find(executable);
}

/** A headless Chromium with a fresh profile; `close` ends it and removes the profile. */
export async function launchChromium(executablePath: string): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), "ctwg-chromium-"));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, { executablePath, headless: true, args: CHROMIUM_ARGS });
    return {
      context,
      close: async () => {
        await context.close();
        rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

/** A fresh context in the Chromium the run started; `close` ends the context, not the browser. */
async function connectChromium(endpoint: string): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const browser = await chromium.connect(endpoint);
  const context = await browser.newContext();
  return {
    context,
    close: async () => {
      await context.close();
      await browser.close();
    },
  };
}

/**
 * A `describe` whose tests get a running headless Chromium (a context of the run's one Chromium,
 * closed in afterAll).
 * Without Chromium the suite is skipped with a message saying how to get it; with
 * CTWG_BROWSER_TESTS=required (CI) it fails instead, so a CI image without Chromium cannot pass
 * by skipping every browser test.
 */
export function browserTests(name: string, body: (browser: () => BrowserContext) => void): void {
  const path = findChromium();
  if (!path) {
    const detail = process.env.CHROMIUM_PATH
      ? `${CHROMIUM_MISSING} (CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable)`
      : CHROMIUM_MISSING;
    if (process.env.CTWG_BROWSER_TESTS === "required") {
      describe(name, () => {
        it("has Chromium to run in (CTWG_BROWSER_TESTS=required)", () => {
          expect.fail(detail);
        });
      });
    } else {
      console.warn(`${name}: skipped. ${detail}`);
      describe.skip(`${name} (skipped: ${detail})`, () =>
        body(() => {
          throw new Error(detail);
        }));
    }
    return;
  }
  describe(name, () => {
    let launched: Awaited<ReturnType<typeof launchChromium>> | undefined;
    beforeAll(async () => {
      // The run's one Chromium (test/support/browser-server.ts) when there is one, else one of the suite's own.
      const endpoint = inject("chromiumEndpoint");
      launched = endpoint ? await connectChromium(endpoint) : await launchChromium(path);
    }, 30_000);
    afterAll(async () => {
      await launched?.close();
    });
    body(() => {
      if (!launched) throw new Error("Chromium did not start; see the beforeAll error");
      return launched.context;
    });
  });
}
