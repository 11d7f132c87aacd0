import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { browserTests } from "../support/browser.js";
import { runCli } from "../support/cli.js";
import { HTML_PAYLOAD, HTML_PAYLOADS, planWith } from "./inject.js";
import { projectWith } from "./support.js";

/**
 * The built HTML of a plan with every attack in every field, opened from disk in headless
 * Chromium: no script runs, no dialog opens, nothing is fetched, and the attacks read as text.
 */

let cwd: string;
let cleanup: () => void;
let htmlFile: string;

beforeAll(async () => {
  ({ cwd, cleanup } = projectWith(planWith(`${HTML_PAYLOAD} `).yaml));
  const built = await runCli(["build", "2017", "--format", "html"], cwd);
  expect(built.code).toBe(0);
  htmlFile = join(cwd, "out", "2017", "2017_som1_sce-cow_002.html");
});
afterAll(() => cleanup());

interface Visit {
  page: Page;
  requests: string[];
  dialogs: string[];
  errors: string[];
}

/** Opens a file in a fresh page that records requests, dialogs and page errors; an init script marks that scripts could run. */
async function visit(context: BrowserContext, file: string): Promise<Visit> {
  const page = await context.newPage();
  const visit: Visit = { page, requests: [], dialogs: [], errors: [] };
  page.on("request", (request) => visit.requests.push(request.url()));
  page.on("dialog", (dialog) => {
    visit.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => visit.errors.push(error.message));
  await page.addInitScript(() => {
    (window as unknown as { __initRan: boolean }).__initRan = true;
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  // Time for an onerror, an onload, a meta refresh or a stylesheet request to happen.
  await page.waitForTimeout(500);
  return visit;
}

browserTests("the injected plan's HTML in Chromium", (browser) => {
  // One visit of the built file, shared: the checks read what it recorded.
  let opened: Promise<Visit> | undefined;
  const built = () => (opened ??= visit(browser(), htmlFile));
  afterAll(async () => (await opened)?.page.close());

  it("the harness sees a script that runs: an unescaped page sets the flag and opens a dialog", async () => {
    const control = join(cwd, "control.html");
    writeFileSync(control, `<!DOCTYPE html><title>control</title><p>${HTML_PAYLOADS[0]}</p>`);
    const { page, dialogs } = await visit(browser(), control);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBe("script");
    expect(dialogs).toEqual(["script"]);
    await page.close();
  });

  it("runs no script and opens no dialog", async () => {
    const { page, dialogs, errors } = await built();
    const flags = await page.evaluate(() => {
      const w = window as unknown as { __initRan?: boolean; __pwned?: unknown };
      return { initRan: w.__initRan, pwned: w.__pwned };
    });
    expect(flags).toEqual({ initRan: true, pwned: undefined });
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    // Hovering and clicking every element would fire injected handlers, had any attribute been made.
    await page.mouse.move(200, 200);
    await page.mouse.click(300, 300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(page.url()).toBe(pathToFileURL(htmlFile).href);
  });

  it("requests nothing but the document itself", async () => {
    const { requests } = await built();
    expect(requests).toEqual([pathToFileURL(htmlFile).href]);
  });

  it("has the Content-Security-Policy, and no element or handler from the data", async () => {
    const { page } = await built();
    const dom = await page.evaluate(() => ({
      csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content"),
      foreign: document.querySelectorAll(
        "script, img, iframe, a, link, base, object, embed, form, input, textarea, meta[http-equiv=refresh]",
      ).length,
      handlers: [...document.querySelectorAll("*")].filter((element) => [...element.attributes].some((a) => a.name.startsWith("on")))
        .length,
      styles: document.querySelectorAll("style").length,
      svgs: document.querySelectorAll("svg").length,
      headerCells: document.querySelectorAll("table.plans thead th").length,
      rows: [...document.querySelectorAll("table.plans tbody tr")].map((row) => row.children.length),
      description: document.querySelector('meta[name="description"]')?.getAttribute("content"),
      title: document.title,
      // biome-ignore lint/performance/useDomNodeTextContent: the text as the reader sees it rendered, which is what the test is about
      text: document.body.innerText,
    }));
    expect(dom.csp).toMatch(/^default-src 'none';/);
    expect(dom.foreign).toBe(0);
    expect(dom.handlers).toBe(0);
    expect(dom.styles).toBe(1);
    expect(dom.svgs).toBe(1);
    expect(dom.headerCells).toBe(5);
    expect(dom.rows).toEqual([5, 5, 5, 5, 5, 5, 5]);
    // The attacks are there, as text: in the body, the title and the description.
    for (const payload of HTML_PAYLOADS) expect(dom.text, payload).toContain(payload);
    expect(dom.title.startsWith(HTML_PAYLOAD)).toBe(true);
    expect(dom.description).toContain(HTML_PAYLOAD);
  });

  it("the file on disk is the one the unit tests check: escaped, with the CSP first", () => {
    const html = readFileSync(htmlFile, "utf8");
    expect(html.indexOf("Content-Security-Policy")).toBeLessThan(html.indexOf("&lt;script&gt;"));
  });
});
