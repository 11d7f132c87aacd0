import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/index.js";
import { diagnosticsPage, withReloadScript } from "../../src/preview/preview-page.js";
import { startPreviewServer, type PreviewServer } from "../../src/preview/preview-server.js";
import { previewHarness } from "../support/preview.js";
import { ROOT } from "../support/workplan.js";

const PAGE = "<!DOCTYPE html><title>first</title><h1>first</h1>";

const harness = previewHarness({ project: false });

async function serve(page = PAGE): Promise<PreviewServer> {
  const server = await startPreviewServer(0, page);
  harness.defer(() => server.close());
  return server;
}

/** Rejects when `promise` takes longer than `ms`, so a close that hangs fails the test instead of hanging it. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Whether a TCP connection to host:port is accepted (false on refusal, an unreachable address or 2 s of silence). */
function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2_000 });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(false));
  });
}

describe("startPreviewServer", () => {
  it("serves the page at / as HTML, not cached", async () => {
    const server = await serve();
    const response = await fetch(server.url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await response.text()).toBe(PAGE);
  });

  it("answers HEAD / with the headers and no body", async () => {
    const server = await serve();
    const response = await fetch(server.url, { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await response.text()).toBe("");
  });

  it("serves the page at / whatever the query string", async () => {
    const server = await serve();
    const response = await fetch(new URL("/?t=1", server.url));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(PAGE);
  });

  it("serves /events as a stream of server-sent events that starts with a comment", async () => {
    const server = await serve();
    const events = await harness.events(server.url);
    expect(events.response.status).toBe(200);
    expect(events.response.headers.get("content-type")).toBe("text/event-stream");
    expect(events.response.headers.get("cache-control")).toBe("no-store");
    expect(events.received()).toBe(": connected\n\n");
  });

  it("update() sends `event: reload` to every connected client and serves the new page from then on", async () => {
    const server = await serve();
    const first = await harness.events(server.url);
    const second = await harness.events(server.url);
    server.update("<!DOCTYPE html><title>second</title>");
    for (const events of [first, second]) {
      const received = await events.until("event: reload\n");
      expect(received).toMatch(/^: connected\n\nevent: reload\ndata: \{\}\n\n/);
    }
    expect(await (await fetch(server.url)).text()).toBe("<!DOCTYPE html><title>second</title>");
  });

  it("sends one reload event per update", async () => {
    const server = await serve();
    const events = await harness.events(server.url);
    server.update("two");
    server.update("three");
    const received = await events.until("event: reload\ndata: {}\n\nevent: reload\ndata: {}\n\n");
    expect(received).toBe(": connected\n\nevent: reload\ndata: {}\n\nevent: reload\ndata: {}\n\n");
    expect(await (await fetch(server.url)).text()).toBe("three");
  });

  it("still updates after a client went away", async () => {
    const server = await serve();
    const gone = await harness.events(server.url);
    gone.cancel();
    const staying = await harness.events(server.url);
    server.update("next");
    expect(await staying.until("event: reload\n")).toContain("event: reload\ndata: {}\n\n");
  });

  it.each(["/favicon.ico", "/index.html", "/events/x", "/../etc/passwd"])("answers 404 for %s", async (path) => {
    const server = await serve();
    const response = await fetch(new URL(path, server.url));
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("not found\n");
  });

  it.each(["POST", "PUT", "DELETE"])("answers 405 for %s, allowing GET and HEAD", async (method) => {
    const server = await serve();
    const response = await fetch(server.url, { method, body: method === "DELETE" ? undefined : "x" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
    expect(await (await fetch(server.url)).text()).toBe(PAGE);
  });

  it("listens on 127.0.0.1 only, on a free port when asked for port 0", async () => {
    const server = await serve();
    const url = new URL(server.url);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const port = Number(url.port);
    expect(port).toBeGreaterThan(0);
    expect(await connects("127.0.0.1", port)).toBe(true);
    // Every other address of this machine, and IPv6 loopback, must refuse.
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address && !address.internal)
      .map((address) => address!.address);
    for (const host of ["::1", ...others]) expect(await connects(host, port), host).toBe(false);
  });

  it("two servers on port 0 get different ports", async () => {
    const [a, b] = [await serve(), await serve()];
    expect(a.url).not.toBe(b.url);
  });

  it("rejects when the port is taken", async () => {
    const server = await serve();
    await expect(startPreviewServer(Number(new URL(server.url).port), PAGE)).rejects.toMatchObject({ code: "EADDRINUSE" });
  });

  it("close() ends the open event streams, resolves, and the port then refuses", async () => {
    const server = await startPreviewServer(0, PAGE);
    const port = Number(new URL(server.url).port);
    const events = await harness.events(server.url);
    await within(server.close(), 3_000, "server.close() with an open event stream");
    expect(await events.toEnd()).toBe(": connected\n\n");
    expect(await connects("127.0.0.1", port)).toBe(false);
  });
});

/** The 2017 document as `ctwg build` renders it, the input the preview wraps. */
async function document2017(): Promise<string> {
  const report = await build(join(ROOT, "workplans", "2017.yaml"), { cwd: ROOT, formats: ["html"], write: false });
  expect(report.artifacts).toHaveLength(1);
  return new TextDecoder().decode(report.artifacts[0]!.bytes);
}

const CSP_META = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g;

/** The directives of the page's one CSP meta tag, by name. */
function policyOf(html: string): Map<string, string[]> {
  const metas = [...html.matchAll(CSP_META)];
  expect(metas, "exactly one Content-Security-Policy meta tag").toHaveLength(1);
  return new Map(
    metas[0]![1]!
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

const scriptsOf = (html: string) => [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({ attributes: m[1]!, body: m[2]! }));

describe("withReloadScript", () => {
  it("allows exactly its own nonce'd script and connections to the preview server", async () => {
    const page = withReloadScript(await document2017());
    const policy = policyOf(page);
    const scriptSrc = policy.get("script-src")!;
    expect(scriptSrc).toHaveLength(1);
    const nonce = /^'nonce-([A-Za-z0-9+/]+={0,2})'$/.exec(scriptSrc[0]!)?.[1];
    expect(nonce, `script-src ${scriptSrc.join(" ")}`).toBeDefined();
    expect(Buffer.from(nonce!, "base64")).toHaveLength(16);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    // What the document forbids stays forbidden.
    expect(policy.get("default-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'none'"]);
    expect(policy.get("style-src")).toEqual(["'unsafe-inline'"]);
    expect(policy.get("img-src")).toEqual(["data:"]);
    expect([...policy.values()].flat()).not.toContain("'unsafe-eval'");

    const scripts = scriptsOf(page);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.attributes).toBe(` nonce="${nonce}"`);
    expect(scripts[0]!.body).toContain('new EventSource("/events")');
    expect(scripts[0]!.body).toContain('addEventListener("reload"');
    expect(page).toMatch(/<\/script>\n<\/body>/);
  });

  it("changes nothing else in the document", async () => {
    const original = await document2017();
    const page = withReloadScript(original);
    const [originalMeta] = original.match(CSP_META)!;
    const restored = page.replace(CSP_META, originalMeta).replace(/<script nonce="[^"]*">[\s\S]*?<\/script>\n/, "");
    expect(restored).toBe(original);
  });

  it("gets a fresh nonce on every call", async () => {
    const html = await document2017();
    const nonces = new Set(Array.from({ length: 5 }, () => /'nonce-([^']+)'/.exec(withReloadScript(html))![1]));
    expect(nonces.size).toBe(5);
  });
});

describe("diagnosticsPage", () => {
  const report = 'error: bad </pre><script>alert("x")</script> & more [yaml/syntax]\n  --> workplans/2017.yaml:6:1\n';

  it("escapes the report text and the file name, so the only script is the reload script", () => {
    const page = diagnosticsPage("workplans/<b>2017.yaml", report);
    const scripts = scriptsOf(page);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.body).toContain('new EventSource("/events")');
    expect(page).not.toContain("<script>alert");
    expect(page).not.toContain("<b>2017");
    expect(page).toContain(
      '<pre class="diagnostics">error: bad &lt;/pre&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more [yaml/syntax]\n  --&gt; workplans/2017.yaml:6:1\n</pre>',
    );
    expect(page).toContain("<title>workplans/&lt;b&gt;2017.yaml: not built</title>");
  });

  it("carries the same nonce'd CSP as the document, and reloads when the server says so", () => {
    const page = diagnosticsPage("workplans/2017.yaml", report);
    const policy = policyOf(page);
    const nonce = /^'nonce-(.+)'$/.exec(policy.get("script-src")![0]!)![1];
    expect(scriptsOf(page)[0]!.attributes).toBe(` nonce="${nonce}"`);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("default-src")).toEqual(["'none'"]);
  });
});
