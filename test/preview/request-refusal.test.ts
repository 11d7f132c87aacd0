import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { requestRefusal } from "../../src/preview/request-refusal.js";

/** A request with just these headers, as node:http hands them over (each header's values as a list). */
const requestWith = (headers: Record<string, string> = {}) =>
  ({ headersDistinct: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]])) }) as unknown as IncomingMessage;

const statusOf = (authority: string | undefined, port: number, headers: Record<string, string> = {}, stream = false) =>
  requestRefusal(requestWith(headers), { authority, path: "/" }, port, stream)?.status ?? 200;

// The server tests cover a random port; port 80 is the one where browsers leave the port out.
describe("requestRefusal", () => {
  it("on port 80, also takes a Host and an Origin without the port, which is how browsers send them there", () => {
    expect(statusOf("127.0.0.1", 80)).toBe(200);
    expect(statusOf("localhost", 80)).toBe(200);
    expect(statusOf("127.0.0.1:80", 80)).toBe(200);
    expect(statusOf("localhost", 80, { origin: "http://localhost" }, true)).toBe(200);
    expect(statusOf("localhost", 80, { origin: "http://evil.example" }, true)).toBe(403);
  });

  it("on any other port, wants the port in Host and Origin", () => {
    expect(statusOf("127.0.0.1", 8080)).toBe(421);
    expect(statusOf("127.0.0.1:8080", 8080, { origin: "http://127.0.0.1" }, true)).toBe(403);
    expect(statusOf("127.0.0.1:8080", 8080, { origin: "http://127.0.0.1:8080" }, true)).toBe(200);
  });

  it("checks Origin and Sec-Fetch-Site only on a stream", () => {
    expect(statusOf("127.0.0.1:8080", 8080, { origin: "http://evil.example", "sec-fetch-site": "cross-site" })).toBe(200);
    expect(statusOf("127.0.0.1:8080", 8080, { origin: "http://evil.example" }, true)).toBe(403);
    expect(statusOf("127.0.0.1:8080", 8080, { "sec-fetch-site": "cross-site" }, true)).toBe(403);
  });

  it("refuses a request that names no authority", () => {
    expect(statusOf(undefined, 8080)).toBe(421);
  });
});
