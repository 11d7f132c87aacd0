import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { EXIT } from "../../src/cli/exit-codes.js";
import { runCli, tempProject, type RunResult } from "../support/cli.js";
import { replaceOnce, ROOT } from "../support/workplan.js";

// `ctwg preview` without a browser: the address, the page over HTTP, the reload events, the stop.

const TITLE = "Counter-Terrorism Working Group's Proposed Workplan for 2017";
const NEW_TITLE = "Counter-Terrorism Working Group's Revised Workplan for 2017";
const FOLLOW = { timeout: 10_000, interval: 25 };

let cwd: string;
let cleanup: () => void;
let preview: Preview | undefined;
const cancels: (() => void)[] = [];
beforeEach(() => ({ cwd, cleanup } = tempProject()));
afterEach(async () => {
  for (const cancel of cancels.splice(0)) cancel();
  await preview?.stop();
  preview = undefined;
  cleanup();
});

interface Preview {
  url: string;
  output: { stdout: string; stderr: string };
  /** What the command returned, once it has. */
  finished(): RunResult | undefined;
  stop(): Promise<RunResult>;
}

async function startPreview(args: string[]): Promise<Preview> {
  const controller = new AbortController();
  const output = { stdout: "", stderr: "" };
  const done = runCli(["preview", ...args], cwd, {}, false, controller.signal, (stream, text) => {
    output[stream] += text;
  });
  let finished: RunResult | undefined;
  void done.then((result) => (finished = result));
  const url = await vi.waitFor(() => {
    const match = /^Previewing \S+ at (http:\/\/127\.0\.0\.1:\d+\/) {2}\(Ctrl-C stops\)\n/.exec(output.stdout);
    if (!match) throw new Error(`no address yet (${finished ? `ended with ${finished.code}` : "running"}): ${JSON.stringify(output)}`);
    return match[1]!;
  }, FOLLOW);
  return {
    url,
    output,
    finished: () => finished,
    stop: () => {
      controller.abort();
      return done;
    },
  };
}

const page = async (url: string) => (await fetch(url)).text();
const h1 = (html: string) => /<h1>([^<]*)<\/h1>/.exec(html)?.[1];

/** Connects to /events and collects what arrives, until cancelled (afterEach cancels). */
async function listen(url: string): Promise<{ received: () => string }> {
  const controller = new AbortController();
  cancels.push(() => controller.abort());
  const response = await fetch(new URL("/events", url), { signal: controller.signal });
  let received = "";
  void (async () => {
    for await (const chunk of response.body!.pipeThrough(new TextDecoderStream())) received += chunk;
  })().catch(() => undefined);
  await vi.waitFor(() => expect(received).toContain(": connected\n\n"), FOLLOW);
  return { received: () => received };
}

function edit(file: string, from: string, to: string): void {
  const path = join(cwd, file);
  writeFileSync(path, replaceOnce(readFileSync(path, "utf8"), from, to));
}

const refuses = (url: string) => fetch(url).then(() => false, () => true);

describe("ctwg preview", () => {
  it("serves the document, tells the browser to reload on a save, serves the new document, and stops", async () => {
    preview = await startPreview(["2017", "--port", "0"]);
    const { url, output } = preview;
    expect(output.stdout).toMatch(/^Previewing workplans\/2017\.yaml at /);
    expect(h1(await page(url))).toBe("Counter-Terrorism Working Group&#x27;s Proposed Workplan for 2017");
    const events = await listen(url);

    edit("workplans/2017.yaml", `title: ${TITLE}`, `title: ${NEW_TITLE}`);
    await vi.waitFor(() => expect(events.received()).toContain("event: reload\ndata: {}\n\n"), FOLLOW);
    expect(output.stdout).toContain("✓ updated\n");
    expect(h1(await page(url))).toBe("Counter-Terrorism Working Group&#x27;s Revised Workplan for 2017");

    const result = await preview.stop();
    preview = undefined;
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toMatch(/✓ updated\nstopped\n$/);
    expect(result.stderr).toBe("");
    expect(await refuses(url)).toBe(true);
  }, 30_000);

  it("starts on a broken plan with the diagnostics page, and shows the document once it is fixed", async () => {
    edit("workplans/2017.yaml", "year: 2017", "year 2017");
    preview = await startPreview(["workplans/2017.yaml"]);
    const { url, output } = preview;
    expect(output.stdout).toContain("! workplans/2017.yaml has errors; the page shows them\n");
    const broken = await page(url);
    expect(h1(broken)).toBe("workplans/2017.yaml has errors; the preview updates when they are fixed");
    expect(broken).toMatch(/<pre class="diagnostics">[^<]*\[yaml\/syntax\][^<]*<\/pre>/);
    expect(broken).toContain("workplans/2017.yaml:6:1");

    edit("workplans/2017.yaml", "year 2017", "year: 2017");
    await vi.waitFor(() => expect(output.stdout).toContain("✓ updated\n"), FOLLOW);
    const fixed = await page(url);
    expect(fixed).not.toContain('class="diagnostics"');
    expect(h1(fixed)).toBe("Counter-Terrorism Working Group&#x27;s Proposed Workplan for 2017");
  }, 30_000);

  it("follows the shared glossary too", async () => {
    preview = await startPreview(["2017"]);
    const events = await listen(preview.url);
    edit("workplans/glossary.yaml", "  CTWG: Counter-Terrorism Working Group\n", "  CTWG: Counter-Terrorism Working Group (glossary edit)\n");
    await vi.waitFor(() => expect(events.received()).toContain("event: reload\n"), FOLLOW);
    await vi.waitFor(async () => expect(await page(preview!.url)).toContain("Counter-Terrorism Working Group (glossary edit)"), FOLLOW);
  }, 30_000);

  it("without a signal to stop it, is a usage error and serves nothing", async () => {
    const result = await runCli(["preview", "2017"], cwd);
    expect(result.code).toBe(EXIT.failure);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe("ctwg: preview runs until stopped, and needs a terminal to stop it from\n");
  });

  it.each(["abc", "-1", "65536", "1.5"])("rejects --port %s", async (port) => {
    const result = await runCli(["preview", "2017", `--port=${port}`], cwd, {}, false, new AbortController().signal);
    expect(result.code).toBe(EXIT.failure);
    expect(result.stderr).toBe(`ctwg: --port takes a port number, not "${port}"\n`);
    expect(result.stdout).toBe("");
  });

  it("says so when the port is taken", async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    try {
      const port = (taken.address() as { port: number }).port;
      const result = await runCli(["preview", "2017", "--port", String(port)], cwd, {}, false, new AbortController().signal);
      expect(result.code).toBe(EXIT.failure);
      expect(result.stderr).toMatch(/^ctwg: listen EADDRINUSE.*127\.0\.0\.1:\d+\n$/);
      expect(result.stdout).toBe("");
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  // BUG: `preview` also watches workplans/glossary.yaml, and fs.watch throws ENOENT when the folder
  // workplans/ does not exist. The command then ends with exit 2 right after printing the address, and
  // leaves its HTTP server listening: the real process keeps running, and its first Ctrl-C does nothing.
  it("previews a plan in a folder without workplans/, and closes its server when stopped", async () => {
    const other = tempProject({ with2017: false });
    const previous = cwd;
    cwd = other.cwd;
    try {
      copyFileSync(join(ROOT, "workplans", "2017.yaml"), join(cwd, "plan.yaml"));
      preview = await startPreview(["plan.yaml"]);
      const url = preview.url;
      expect(h1(await page(url))).toBe("Counter-Terrorism Working Group&#x27;s Proposed Workplan for 2017");
      expect(preview.finished(), "still running").toBeUndefined();
      const result = await preview.stop();
      preview = undefined;
      expect(result.stderr).toBe("");
      expect(result.code).toBe(EXIT.ok);
      expect(await refuses(url)).toBe(true);
    } finally {
      cwd = previous;
      other.cleanup();
    }
  }, 30_000);

  // BUG: a save that breaks the glossary prints its errors and "fix them first" on stderr, then
  // "✓ updated" on stdout, and the page shows the document built without the glossary instead of the
  // errors (README: the preview "shows the diagnostics in the page while the file is broken").
  it("shows a broken glossary's errors in the page", async () => {
    preview = await startPreview(["2017"]);
    const { url, output } = preview;
    const events = await listen(url);
    edit("workplans/glossary.yaml", "  CTWG: Counter-Terrorism Working Group\n", "  CTWG: Counter-Terrorism Working Group\n: : [\n");
    await vi.waitFor(() => expect(events.received()).toContain("event: reload\n"), FOLLOW);
    const shown = await page(url);
    expect(shown).toMatch(/<pre class="diagnostics">[^<]*glossary\.yaml[^<]*\[yaml\/syntax\]/);
    expect(output.stdout).not.toContain("✓ updated");
  }, 30_000);
});
