import { copyFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { EXIT } from "../../src/cli/exit-codes.js";
import { runCli } from "../support/cli.js";
import { FOLLOW, previewHarness, rawGet } from "../support/preview.js";
import { ROOT } from "../support/workplan.js";

// `ctwg preview` without a browser: the address, the page over HTTP, the reload events, the stop.

const TITLE = "Counter-Terrorism Working Group's Proposed Workplan for 2017";
const NEW_TITLE = "Counter-Terrorism Working Group's Revised Workplan for 2017";

const harness = previewHarness();

const h1 = (html: string) => /<h1>([^<]*)<\/h1>/.exec(html)?.[1];
const refuses = (url: string) =>
  fetch(url).then(
    () => false,
    () => true,
  );

describe("ctwg preview", () => {
  it("serves the document, tells the browser to reload on a save, serves the new document, and stops", async () => {
    const preview = await harness.preview(["2017", "--port", "0"]);
    expect(preview.output.stdout).toMatch(/^Previewing workplans\/2017\.yaml at /);
    expect(h1(await preview.page())).toBe("Counter-Terrorism Working Group&#x27;s Proposed Workplan for 2017");
    const events = await harness.events(preview.url);

    harness.edit("workplans/2017.yaml", `title: ${TITLE}`, `title: ${NEW_TITLE}`);
    await events.until("event: reload\ndata: {}\n\n");
    expect(preview.output.stdout).toContain("✓ updated\n");
    expect(h1(await preview.page())).toBe("Counter-Terrorism Working Group&#x27;s Revised Workplan for 2017");

    const result = await preview.stop();
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toMatch(/✓ updated\nstopped\n$/);
    expect(result.stderr).toBe("");
    expect(await refuses(preview.url)).toBe(true);
  }, 30_000);

  it("answers only a loopback Host, and streams /events only to its own page", async () => {
    const preview = await harness.preview(["2017"]);
    const own = new URL(preview.url);
    expect((await rawGet(preview.url, "/", { host: "evil.example" })).status).toBe(421);
    expect((await rawGet(preview.url, "/events", { host: "evil.example" })).status).toBe(421);
    expect((await rawGet(preview.url, "/events", { host: own.host, origin: "http://evil.example" })).status).toBe(403);
    expect((await rawGet(preview.url, "/events", { host: own.host, origin: own.origin })).body).toBe(": connected\n\n");
    expect(h1((await rawGet(preview.url, "/", { host: `localhost:${own.port}` })).body)).toBe(
      "Counter-Terrorism Working Group&#x27;s Proposed Workplan for 2017",
    );
  }, 30_000);

  it("starts on a broken plan with the diagnostics page, and shows the document once it is fixed", async () => {
    harness.edit("workplans/2017.yaml", "year: 2017", "year 2017");
    const preview = await harness.preview(["workplans/2017.yaml"]);
    expect(preview.output.stdout).toContain("! workplans/2017.yaml has errors; the page shows them\n");
    const broken = await preview.page();
    expect(h1(broken)).toBe("workplans/2017.yaml has errors; the preview updates when they are fixed");
    expect(broken).toMatch(/<pre class="diagnostics">[^<]*\[yaml\/syntax\][^<]*<\/pre>/);
    expect(broken).toContain("workplans/2017.yaml:6:1");

    harness.edit("workplans/2017.yaml", "year 2017", "year: 2017");
    await preview.printed("✓ updated\n");
    const fixed = await preview.page();
    expect(fixed).not.toContain('class="diagnostics"');
    expect(h1(fixed)).toBe("Counter-Terrorism Working Group&#x27;s Proposed Workplan for 2017");
  }, 30_000);

  it("follows the shared glossary too", async () => {
    const preview = await harness.preview(["2017"]);
    const events = await harness.events(preview.url);
    harness.edit(
      "workplans/glossary.yaml",
      "  CTWG: Counter-Terrorism Working Group\n",
      "  CTWG: Counter-Terrorism Working Group (glossary edit)\n",
    );
    await events.until("event: reload\n");
    await vi.waitFor(async () => expect(await preview.page()).toContain("Counter-Terrorism Working Group (glossary edit)"), FOLLOW);
  }, 30_000);

  it("without a signal to stop it, is a usage error and serves nothing", async () => {
    const result = await runCli(["preview", "2017"], harness.cwd);
    expect(result.code).toBe(EXIT.failure);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe("ctwg: preview runs until stopped, and needs a terminal to stop it from\n");
  });

  it.each(["abc", "-1", "65536", "1.5"])("rejects --port %s", async (port) => {
    const result = await runCli(["preview", "2017", `--port=${port}`], harness.cwd, {}, false, new AbortController().signal);
    expect(result.code).toBe(EXIT.failure);
    expect(result.stderr).toBe(`ctwg: --port takes a port number, not "${port}"\n`);
    expect(result.stdout).toBe("");
  });

  it("says so when the port is taken", async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    try {
      const port = (taken.address() as { port: number }).port;
      const result = await runCli(["preview", "2017", "--port", String(port)], harness.cwd, {}, false, new AbortController().signal);
      expect(result.code).toBe(EXIT.failure);
      expect(result.stderr).toMatch(/^ctwg: listen EADDRINUSE.*127\.0\.0\.1:\d+\n$/);
      expect(result.stdout).toBe("");
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  // Was a bug (fixed in 845c81f): `preview` also watches workplans/glossary.yaml, and fs.watch threw
  // ENOENT when workplans/ did not exist, so the command ended with exit 2 right after printing the
  // address and left its HTTP server listening.
  it("previews a plan in a folder without workplans/, and closes its server when stopped", async () => {
    const cwd = harness.project();
    copyFileSync(join(ROOT, "workplans", "2017.yaml"), join(cwd, "plan.yaml"));
    const preview = await harness.preview(["plan.yaml"], cwd);
    expect(h1(await preview.page())).toBe("Counter-Terrorism Working Group&#x27;s Proposed Workplan for 2017");
    expect(preview.finished(), "still running").toBeUndefined();
    const result = await preview.stop();
    expect(result.stderr).toBe("");
    expect(result.code).toBe(EXIT.ok);
    expect(await refuses(preview.url)).toBe(true);
  }, 30_000);

  // Was a bug (fixed in 845c81f): a save that broke the glossary printed "✓ updated" and the page showed
  // the document built without the glossary instead of the errors (README: the preview "shows the
  // diagnostics in the page while the file is broken").
  it("shows a broken glossary's errors in the page", async () => {
    const preview = await harness.preview(["2017"]);
    const events = await harness.events(preview.url);
    harness.edit(
      "workplans/glossary.yaml",
      "  CTWG: Counter-Terrorism Working Group\n",
      "  CTWG: Counter-Terrorism Working Group\n: : [\n",
    );
    await events.until("event: reload\n");
    const shown = await preview.page();
    expect(shown).toMatch(/<pre class="diagnostics">[^<]*glossary\.yaml[^<]*\[yaml\/syntax\]/);
    expect(preview.output.stdout).not.toContain("✓ updated");
  }, 30_000);
});
