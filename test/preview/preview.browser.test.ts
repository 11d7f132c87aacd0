import type { Page } from "playwright-core";
import { expect, it, vi } from "vitest";
import { browserTests } from "../support/browser.js";
import { FOLLOW, previewHarness } from "../support/preview.js";

const TITLE = "Counter-Terrorism Working Group's Proposed Workplan for 2017";
const NEW_TITLE = "Counter-Terrorism Working Group's Revised Workplan for 2017";
/** How long the page may take to follow a save: the harness's patience, for Playwright's waits too. */
const FOLLOW_MS = FOLLOW.timeout;

const harness = previewHarness();

/** `ctwg preview workplans/2017.yaml --port 0` in the test's project, until the address is printed. */
const startPreview = () => harness.preview(["workplans/2017.yaml", "--port", "0"]);

const editWorkplan = (from: string, to: string) => harness.edit("workplans/2017.yaml", from, to);

/** What went wrong in the page: console errors, uncaught errors and CSP violations, and every request it made. */
async function watchPage(page: Page) {
  const seen = { consoleErrors: [] as string[], violations: [] as string[], requests: [] as string[] };
  await page.exposeFunction("ctwgTestViolation", (text: string) => seen.violations.push(text));
  // The listener runs in every document the page loads, reloads included; init scripts are not subject to the page's CSP.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { ctwgTestViolation(text: string): void }).ctwgTestViolation(
        `${event.violatedDirective} blocked ${event.blockedURI}`,
      );
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error" || message.text().includes("Content Security Policy")) seen.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => seen.consoleErrors.push(String(error)));
  page.on("request", (request) => seen.requests.push(request.url()));
  return seen;
}

/** Resolves when the page's reload script has connected to /events, so the next save cannot be missed. */
const eventsConnected = (page: Page) =>
  page.waitForResponse((response) => new URL(response.url()).pathname === "/events", { timeout: FOLLOW_MS });

const h1Is = (page: Page, text: string) =>
  page.waitForFunction((expected) => document.querySelector("h1")?.textContent === expected, text, { timeout: FOLLOW_MS, polling: 50 });

browserTests("ctwg preview in headless Chromium", (browser) => {
  it("shows the document, follows every save without a manual reload, shows and clears errors, and stops", async () => {
    const preview = await startPreview();
    const { url } = preview;
    const page = await browser().newPage();
    try {
      const seen = await watchPage(page);

      let connected = eventsConnected(page);
      const response = await page.goto(url);
      expect(response?.status()).toBe(200);
      await connected;
      expect(await page.textContent("h1")).toBe(TITLE);
      expect(await page.title()).not.toBe("");

      // A save with a new title: the page reloads itself.
      connected = eventsConnected(page);
      editWorkplan(`title: ${TITLE}`, `title: ${NEW_TITLE}`);
      await h1Is(page, NEW_TITLE);
      await connected;
      await preview.printed("✓ updated\n");

      // A save that breaks the YAML: the page shows the diagnostics.
      connected = eventsConnected(page);
      editWorkplan("year: 2017", "year 2017");
      await page.waitForFunction(
        () => document.querySelector("pre.diagnostics")?.textContent?.includes("[yaml/syntax]") === true,
        undefined,
        {
          timeout: FOLLOW_MS,
          polling: 50,
        },
      );
      await connected;
      expect(await page.textContent("h1")).toBe("workplans/2017.yaml has errors; the preview updates when they are fixed");
      expect(await page.textContent("pre.diagnostics")).toContain("workplans/2017.yaml:6:1");
      await preview.printed("! workplans/2017.yaml has errors; the page shows them\n");

      // Fixed again: the document is back, with the edited title.
      connected = eventsConnected(page);
      editWorkplan("year 2017", "year: 2017");
      await h1Is(page, NEW_TITLE);
      await connected;
      expect(await page.locator("pre.diagnostics").count()).toBe(0);

      expect(seen.violations).toEqual([]);
      expect(seen.consoleErrors).toEqual([]);
      const origin = new URL(url).origin;
      expect(seen.requests.length).toBeGreaterThanOrEqual(8); // 4 loads of the page and 4 of /events
      expect(seen.requests.filter((request) => new URL(request).origin !== origin)).toEqual([]);
    } finally {
      await page.close();
    }

    const result = await preview.stop();
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\nstopped\n$/);
    expect(result.stderr).toBe("");
  }, 60_000);

  it("reloads the preview opened as localhost too, and refuses it under any other name that resolves to 127.0.0.1", async () => {
    const preview = await startPreview();
    const page = await browser().newPage();
    try {
      let connected = eventsConnected(page);
      await page.goto(`http://localhost:${new URL(preview.url).port}/`);
      expect((await connected).status()).toBe(200);
      connected = eventsConnected(page);
      editWorkplan(`title: ${TITLE}`, `title: ${NEW_TITLE}`);
      await h1Is(page, NEW_TITLE);
      expect((await connected).status()).toBe(200);

      // DNS rebinding as the server sees it: a name that is not the preview's, resolved to 127.0.0.1
      // (Chromium resolves every *.localhost to loopback itself). The page is refused, and so is its stream.
      const rebound = `http://rebound.localhost:${new URL(preview.url).port}/`;
      const refused = await page.goto(rebound);
      expect(refused?.status()).toBe(421);
      expect(await page.textContent("body")).toMatch(/^misdirected request: /);
      // What a script of the rebound site would try next, same-origin as far as the browser knows.
      expect(await page.evaluate(() => fetch("/events").then((response) => response.status))).toBe(421);
    } finally {
      await page.close();
    }
    expect((await preview.stop()).code).toBe(0);
  }, 60_000);

  it("keeps the document's CSP: the page's own watchers see a forbidden script and a connection elsewhere blocked", async () => {
    // Proves the listeners of the first test can see a violation, and that connect-src 'self' holds.
    const preview = await startPreview();
    const page = await browser().newPage();
    try {
      const seen = await watchPage(page);
      const connected = eventsConnected(page);
      await page.goto(preview.url);
      await connected;
      expect(seen.violations).toEqual([]);

      await page.evaluate(() => {
        const script = document.createElement("script");
        script.textContent = "document.title = 'injected'";
        document.body.append(script);
        void fetch("http://192.0.2.1/").catch(() => undefined);
      });
      await vi.waitFor(() => expect(seen.violations).toHaveLength(2), { timeout: FOLLOW_MS });
      expect(seen.violations).toEqual(
        expect.arrayContaining([expect.stringMatching(/^script-src/), "connect-src blocked http://192.0.2.1/"]),
      );
      expect(await page.title()).not.toBe("injected");
      expect(seen.requests.filter((request) => !request.startsWith(preview.url))).toEqual([]);
    } finally {
      await page.close();
    }
    const result = await preview.stop();
    expect(result.code).toBe(0);
  }, 60_000);
});
