import { readFileSync, writeFileSync } from "node:fs";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { join } from "node:path";
import { afterEach, beforeEach } from "vitest";
import { runCli, tempProject, type RunResult } from "./cli.js";
import { replaceOnce } from "./workplan.js";

/** How long a test waits for the preview or a watch to follow a save: fs.watch can be late on a busy machine. */
export const FOLLOW = { timeout: 10_000, interval: 25 };

/** `ctwg preview` prints this line first, with the address it serves. */
const ADDRESS = /^Previewing \S+ at (http:\/\/127\.0\.0\.1:\d+\/) {2}\(Ctrl-C stops\)\n/;

/** A long-running command (`preview`, `build --watch`) running in-process until its signal aborts. */
export interface Running {
  /** Everything printed so far; it grows while the command runs. */
  output: { stdout: string; stderr: string };
  /** What the command returned, once it has; undefined while it runs. */
  finished(): RunResult | undefined;
  /**
   * Resolves once `stream` (stdout unless given) holds `text` after its first `from` characters.
   * Fails at once when the command ends without printing it, and after FOLLOW.timeout otherwise.
   */
  printed(text: string, options?: { stream?: "stdout" | "stderr"; from?: number }): Promise<void>;
  /** Aborts the command's signal and resolves with what it returned; calling it again changes nothing. */
  stop(): Promise<RunResult>;
}

/** A running `ctwg preview`, with the address it printed. */
export interface Preview extends Running {
  url: string;
  /** The text of `path` (the document at "/" unless given), fetched from the preview. */
  page(path?: string): Promise<string>;
}

/** A client of the preview's `/events` stream, reading it as it arrives. */
export interface EventStream {
  response: Response;
  /** Everything received so far. */
  received(): string;
  /** Resolves with everything received once it holds `text`; fails when the stream ends without it. */
  until(text: string): Promise<string>;
  /** Resolves with everything received once the server has ended the stream. */
  toEnd(): Promise<string>;
  cancel(): void;
}

/** What a test file of the preview or of `--watch` works with; see `previewHarness`. */
export interface PreviewHarness {
  /** The running test's temporary project: a copy of workplans/2017.yaml and the glossary. */
  readonly cwd: string;
  /** Another temporary project (by default without workplans/), removed after the test like the first. */
  project(options?: { with2017?: boolean }): string;
  /** Replaces `from` by `to`, exactly once, in `file` of the project, as an editor's save does. */
  edit(file: string, from: string, to: string): void;
  /** Starts `ctwg <argv>` in the project; resolves once stdout matches `ready`, with the match. */
  start(argv: string[], ready: RegExp, cwd?: string): Promise<Running & { ready: RegExpExecArray }>;
  /** Starts `ctwg preview <args>` in the project; resolves once it has printed the address. */
  preview(args: string[], cwd?: string): Promise<Preview>;
  /** Connects to `/events` at `url`; resolves once the server has said `: connected`, so no later event is missed. */
  events(url: string): Promise<EventStream>;
  /** Runs `close` after the test, before the projects are removed. */
  defer(close: () => unknown): void;
}

/**
 * Registers beforeEach and afterEach hooks for tests of long-running commands and of the preview
 * server: a fresh temporary project before each test (unless `project: false`), and after it every
 * event stream cancelled, every command stopped, every deferred close awaited and the projects
 * removed. Why hooks: a test that fails halfway must not leave a server or a watcher running.
 */
export function previewHarness(options: { project?: boolean } = {}): PreviewHarness {
  let cwd: string | undefined;
  let closes: (() => unknown)[] = [];
  const removals: (() => void)[] = [];

  const project = (projectOptions: { with2017?: boolean } = {}) => {
    const made = tempProject(projectOptions);
    removals.push(made.cleanup);
    return made.cwd;
  };
  const projectCwd = () => {
    if (cwd === undefined) throw new Error("no project: previewHarness({ project: false }), or used outside a test");
    return cwd;
  };

  beforeEach(() => {
    if (options.project ?? true) cwd = project({ with2017: true });
  });
  afterEach(async () => {
    const pending = closes.reverse();
    closes = [];
    const failures: unknown[] = [];
    for (const close of pending)
      await Promise.resolve()
        .then(close)
        .catch((error: unknown) => failures.push(error));
    for (const remove of removals.splice(0)) remove();
    cwd = undefined;
    if (failures.length) throw failures[0];
  });

  const harness: PreviewHarness = {
    get cwd() {
      return projectCwd();
    },
    project: (projectOptions) => project({ with2017: false, ...projectOptions }),
    edit(file, from, to) {
      const path = join(projectCwd(), file);
      writeFileSync(path, replaceOnce(readFileSync(path, "utf8"), from, to));
    },
    async start(argv, ready, at = projectCwd()) {
      const running = startCommand(argv, at);
      closes.push(() => running.stop());
      const match = await poll(
        () => ready.exec(running.output.stdout) ?? undefined,
        () => running.finished() && `\`ctwg ${argv.join(" ")}\` ended with ${running.finished()!.code} before printing ${ready}`,
        () => `\`ctwg ${argv.join(" ")}\` has not printed ${ready}`,
        () => JSON.stringify(running.output),
      );
      return Object.assign(running, { ready: match });
    },
    async preview(args, at) {
      const running = await harness.start(["preview", ...args], ADDRESS, at);
      const url = running.ready[1]!;
      return Object.assign(running, { url, page: async (path = "/") => (await fetch(new URL(path, url))).text() });
    },
    async events(url) {
      const stream = await openEvents(url);
      closes.push(() => stream.cancel());
      await stream.until(": connected\n\n");
      return stream;
    },
    defer(close) {
      closes.push(close);
    },
  };
  return harness;
}

/** `ctwg <argv>` in-process in `cwd`, with a signal to stop it and its output collected as it is written. */
function startCommand(argv: string[], cwd: string): Running {
  const controller = new AbortController();
  const output = { stdout: "", stderr: "" };
  let result: RunResult | undefined;
  const done = runCli(argv, cwd, {}, false, controller.signal, (stream, text) => {
    output[stream] += text;
  }).then((returned) => (result = returned));
  return {
    output,
    finished: () => result,
    printed: (text, { stream = "stdout", from = 0 } = {}) =>
      poll(
        () => output[stream].slice(from).includes(text) || undefined,
        () => result && `\`ctwg ${argv.join(" ")}\` ended with ${result.code} without printing ${JSON.stringify(text)} on ${stream}`,
        () => `\`ctwg ${argv.join(" ")}\` has not printed ${JSON.stringify(text)} on ${stream}`,
        () => JSON.stringify(output),
      ).then(() => undefined),
    stop: () => {
      controller.abort();
      return done;
    },
  };
}

/** Reads `/events` at `url` in the background, keeping what arrives. */
async function openEvents(url: string): Promise<EventStream> {
  const controller = new AbortController();
  const response = await fetch(new URL("/events", url), { signal: controller.signal });
  let received = "";
  let ended = false;
  void (async () => {
    for await (const chunk of response.body!.pipeThrough(new TextDecoderStream())) received += chunk;
  })()
    .catch(() => undefined)
    .finally(() => (ended = true));
  const seen = () => JSON.stringify(received);
  return {
    response,
    received: () => received,
    until: (text) =>
      poll(
        () => (received.includes(text) ? received : undefined),
        () => ended && `/events ended without ${JSON.stringify(text)}`,
        () => `/events has not sent ${JSON.stringify(text)}`,
        seen,
      ),
    toEnd: () =>
      poll(
        () => (ended ? received : undefined),
        () => undefined,
        () => "/events has not ended",
        seen,
      ),
    cancel: () => controller.abort(),
  };
}

/** What `rawGet` received: the status, the headers and the body (of an event stream, its first event). */
export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A GET of `path` at `url` over node:http with exactly `headers`: no Host unless they give one. Why
 * not fetch: it always sends its own Host, and the tests of the preview's guard need to choose it,
 * or send none. An event stream is read up to its first blank line, then the request is dropped.
 */
export function rawGet(url: string, path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ hostname, port, path, headers, setHost: false, agent: false, timeout: FOLLOW.timeout }, (response) => {
      let body = "";
      const done = () => resolve({ status: response.statusCode!, headers: response.headers, body });
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        body += chunk;
        if (response.headers["content-type"] === "text/event-stream" && body.includes("\n\n")) {
          done();
          request.destroy();
        }
      });
      response.on("end", done);
      response.on("error", reject);
    });
    request.on("timeout", () => request.destroy(new Error(`GET ${path} at ${url}: no answer after ${FOLLOW.timeout} ms`)));
    request.on("error", reject);
    request.end();
  });
}

/**
 * Resolves with `probe()` once it is defined; rejects as soon as `gaveUp()` names a reason (asked
 * after the probe, so what arrived just before the end still counts), or after FOLLOW.timeout. A
 * failure says what was `waiting` and what had arrived `so far`.
 */
async function poll<T>(
  probe: () => T | undefined,
  gaveUp: () => string | false | undefined,
  waiting: () => string,
  soFar: () => string,
): Promise<T> {
  const deadline = Date.now() + FOLLOW.timeout;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    const reason = gaveUp() || (Date.now() > deadline && `${waiting()} after ${FOLLOW.timeout} ms`);
    if (reason) throw new Error(`${reason}; so far: ${soFar()}`);
    await new Promise((resolve) => setTimeout(resolve, FOLLOW.interval));
  }
}
