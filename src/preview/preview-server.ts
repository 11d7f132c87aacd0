import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { BAD_TARGET, requestRefusal, type Refusal } from "./request-refusal.js";
import { requestTarget } from "./request-target.js";

/** What the preview shows now: the page, and how the server asks browsers to load it again. */
export interface PreviewServer {
  url: string;
  /** Replaces the page and tells every open browser to reload. */
  update(page: string): void;
  close(): Promise<void>;
}

/**
 * A server on 127.0.0.1 only (the preview is for the author at this machine): `/` is the page,
 * `/events` a stream of server-sent events on which a `reload` event says the page changed. It
 * answers only requests addressed to a loopback Host, and `/events` only to its own page.
 */
export async function startPreviewServer(port: number, initial: string): Promise<PreviewServer> {
  let page = initial;
  const streams = new Set<ServerResponse>();
  // Why requireHostHeader off: a request without Host then gets this server's 421, not Node's bare 400.
  const server = createServer({ requireHostHeader: false }, (request, response) => {
    const target = requestTarget(request);
    const path = target?.path;
    const refusal = target ? requestRefusal(request, target, (server.address() as AddressInfo).port, path === "/events") : BAD_TARGET;
    if (refusal) {
      refuse(response, refusal);
    } else if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
    } else if (path === "/") {
      response.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      });
      response.end(request.method === "HEAD" ? undefined : page);
    } else if (path === "/events") {
      response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
      response.write(": connected\n\n");
      streams.add(response);
      request.on("close", () => streams.delete(response));
    } else {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found\n");
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/`,
    update(next) {
      page = next;
      for (const stream of streams) stream.write("event: reload\ndata: {}\n\n");
    },
    close: () =>
      new Promise((resolve) => {
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Answers `refusal` in plain text. Why close: a client sent elsewhere should not keep this connection. */
function refuse(response: ServerResponse, refusal: Refusal): void {
  response
    .writeHead(refusal.status, {
      "content-type": "text/plain; charset=utf-8",
      "content-length": Buffer.byteLength(refusal.body),
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      connection: "close",
    })
    .end(refusal.body);
}
