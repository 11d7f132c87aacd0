import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/index.js";
import { diagnosticsPage, withReloadScript } from "../../src/preview/preview-page.js";
import { startPreviewServer, type PreviewServer } from "../../src/preview/preview-server.js";
import { previewHarness, rawGet } from "../support/preview.js";
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

/** Sends `text` to 127.0.0.1:`port` byte for byte and resolves with everything sent back until the server closes. */
function exchange(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: "127.0.0.1", port, timeout: 5_000 });
    let received = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (received += chunk));
    socket.once("end", () => resolve(received));
    socket.once("timeout", () => socket.destroy(new Error(`no end after 5 s; so far: ${JSON.stringify(received)}`)));
    socket.once("error", reject);
    socket.end(text);
  });
}

const MISDIRECTED = (port: number) => `misdirected request: this preview answers only at http://127.0.0.1:${port}/\n`;
const FOREIGN_STREAM = "forbidden: only the preview's own page may open this stream\n";

describe("startPreviewServer refuses what DNS rebinding or another page could send", () => {
  const portOf = (server: PreviewServer) => Number(new URL(server.url).port);

  /** Expects the plain-text refusal `status` with `body`. */
  function expectRefused(response: Awaited<ReturnType<typeof rawGet>>, status: number, body: string) {
    expect(response.status).toBe(status);
    expect(response.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(response.body).toBe(body);
  }

  it.each(["/", "/events", "/favicon.ico", "/?t=1"])("answers 421 to Host: evil.example on %s", async (path) => {
    const server = await serve();
    expectRefused(await rawGet(server.url, path, { host: "evil.example" }), 421, MISDIRECTED(portOf(server)));
  });

  it.each([
    ["evil.example with the server's port", (port: number) => `evil.example:${port}`],
    ["a name that starts like localhost", (port: number) => `localhost.evil.example:${port}`],
    ["a name that resolves to 127.0.0.1", (port: number) => `127.0.0.1.nip.io:${port}`],
    ["another port", (port: number) => `127.0.0.1:${port + 1}`],
    ["no port", () => "127.0.0.1"],
    ["[::1] without a port", () => "[::1]"],
    ["an empty Host", () => ""],
  ])("answers 421 to a Host of %s", async (_, host) => {
    const server = await serve();
    const port = portOf(server);
    for (const path of ["/", "/events"]) expectRefused(await rawGet(server.url, path, { host: host(port) }), 421, MISDIRECTED(port));
  });

  it.each(["/", "/events"])("answers 421 to a request for %s without Host", async (path) => {
    const server = await serve();
    expectRefused(await rawGet(server.url, path), 421, MISDIRECTED(portOf(server)));
  });

  it("answers 421 to two Host headers, even when the first is loopback", async () => {
    const server = await serve();
    const port = portOf(server);
    const answer = await exchange(port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nHost: evil.example\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 421 Misdirected Request\r\n/);
    expect(answer).toMatch(/\r\n\r\nmisdirected request: /);
  });

  it("checks the authority of an absolute-form target too, and serves one that agrees with Host", async () => {
    const server = await serve();
    const port = portOf(server);
    const elsewhere = await exchange(port, `GET http://evil.example/ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    expect(elsewhere).toMatch(/^HTTP\/1\.1 421 /);
    const rebound = await exchange(port, `GET http://127.0.0.1:${port}/ HTTP/1.1\r\nHost: evil.example\r\n\r\n`);
    expect(rebound).toMatch(/^HTTP\/1\.1 421 /);
    const own = await exchange(port, `GET http://127.0.0.1:${port}/ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
    expect(own).toMatch(/^HTTP\/1\.1 200 /);
    expect(own).toContain(PAGE);
  });

  it("answers 400 to a target that is not a path", async () => {
    const server = await serve();
    const port = portOf(server);
    const answer = await exchange(port, `OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toMatch(/\r\n\r\nbad request: the target must be a path\n$/);
  });

  it("reads //events as a path, not as a host named events", async () => {
    const server = await serve();
    const response = await rawGet(server.url, "//events", { host: new URL(server.url).host });
    expect(response.status).toBe(404);
  });

  it.each([
    ["127.0.0.1", (port: number) => `127.0.0.1:${port}`],
    ["localhost", (port: number) => `localhost:${port}`],
    ["[::1]", (port: number) => `[::1]:${port}`],
    ["LOCALHOST, in capitals", (port: number) => `LOCALHOST:${port}`],
  ])("serves / and /events to Host %s with the server's port", async (_, host) => {
    const server = await serve();
    const headers = { host: host(portOf(server)) };
    const page = await rawGet(server.url, "/", headers);
    expect(page.status).toBe(200);
    expect(page.body).toBe(PAGE);
    const events = await rawGet(server.url, "/events", headers);
    expect(events.status).toBe(200);
    expect(events.body).toBe(": connected\n\n");
  });

  it.each([
    ["another site", () => "http://evil.example"],
    ["another port of 127.0.0.1", (port: number) => `http://127.0.0.1:${port + 1}`],
    ["https on the server's port", (port: number) => `https://127.0.0.1:${port}`],
    ["[::1], where this server does not listen", (port: number) => `http://[::1]:${port}`],
    ["null (a sandboxed or file: page)", () => "null"],
  ])("answers 403 on /events to Origin from %s", async (_, origin) => {
    const server = await serve();
    const port = portOf(server);
    expectRefused(await rawGet(server.url, "/events", { host: `127.0.0.1:${port}`, origin: origin(port) }), 403, FOREIGN_STREAM);
  });

  it.each(["cross-site", "same-site"])("answers 403 on /events to Sec-Fetch-Site: %s, with no Origin", async (site) => {
    const server = await serve();
    const headers = { host: new URL(server.url).host, "sec-fetch-site": site };
    expectRefused(await rawGet(server.url, "/events", headers), 403, FOREIGN_STREAM);
  });

  it.each([
    ["no Origin", () => ({})],
    ["its own origin", (port: number) => ({ origin: `http://127.0.0.1:${port}`, "sec-fetch-site": "same-origin" })],
    ["its own origin by the name localhost", (port: number) => ({ origin: `http://localhost:${port}` })],
    ["Sec-Fetch-Site: none (typed in the address bar)", () => ({ "sec-fetch-site": "none" })],
  ])("streams /events to a request with %s", async (_, extra) => {
    const server = await serve();
    const port = portOf(server);
    const events = await rawGet(server.url, "/events", { host: `127.0.0.1:${port}`, ...extra(port) });
    expect(events.status).toBe(200);
    expect(events.headers["content-type"]).toBe("text/event-stream");
    expect(events.body).toBe(": connected\n\n");
  });

  it("serves / to a loopback Host whatever the Origin and Sec-Fetch-Site, so a link from elsewhere opens the preview", async () => {
    const server = await serve();
    const response = await rawGet(server.url, "/", {
      host: new URL(server.url).host,
      origin: "http://evil.example",
      "sec-fetch-site": "cross-site",
    });
    expect(response.status).toBe(200);
    expect(response.body).toBe(PAGE);
  });

  it("sends no reload to a refused stream, and still to an accepted one", async () => {
    const server = await serve();
    const port = portOf(server);
    const refused = await rawGet(server.url, "/events", { host: `127.0.0.1:${port}`, origin: "http://evil.example" });
    const accepted = await harness.events(server.url);
    server.update("next");
    expect(await accepted.until("event: reload\n")).toBe(": connected\n\nevent: reload\ndata: {}\n\n");
    expect(refused.body).toBe(FOREIGN_STREAM);
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

const scriptsOf = (html: string) =>
  [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({ attributes: m[1]!, body: m[2]! }));

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
