import { chromium } from "playwright-core";
import type { TestProject } from "vitest/node";
import { CHROMIUM_ARGS, findChromium } from "./browser.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The address of the Chromium every browser suite of the run connects to; empty when there is none. */
    chromiumEndpoint: string;
  }
}

/**
 * Before the slow tier: one headless Chromium for every browser suite of the run, each suite in a
 * context of its own. Why: a start costs a second or more, and the suites need only fresh contexts.
 * Where there is no Chromium, nothing starts and the browser suites skip or fail as they say.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const executablePath = findChromium();
  if (!executablePath) {
    project.provide("chromiumEndpoint", "");
    return async () => undefined;
  }
  const server = await chromium.launchServer({ executablePath, headless: true, args: CHROMIUM_ARGS });
  project.provide("chromiumEndpoint", server.wsEndpoint());
  return () => server.close();
}
