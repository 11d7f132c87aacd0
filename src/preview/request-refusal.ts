import type { IncomingMessage } from "node:http";
import type { RequestTarget } from "./request-target.js";

/** Why the preview server turns a request away: the status and a one-line plain-text body. */
export interface Refusal {
  status: 400 | 403 | 421;
  body: string;
}

/** The host names the preview answers to: loopback literals and `localhost`, never a name DNS could rebind. */
const LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]"];

/** The hosts a page of this preview can be loaded from. Why not [::1]: the server listens on 127.0.0.1 only, so a page there is another server's. */
const PAGE_HOSTS = ["127.0.0.1", "localhost"];

/** What Sec-Fetch-Site says of a request the preview's own page made, or the author typed. Why not same-site: another port of 127.0.0.1 is same-site. */
const OWN_SITES = new Set(["same-origin", "none"]);

/** A request target that is neither `/…` nor `http://…`. */
export const BAD_TARGET: Refusal = { status: 400, body: "bad request: the target must be a path\n" };

/**
 * Why the preview on `port` refuses a request for `target`, or undefined to serve it; `stream` marks
 * an endpoint only the preview's own page may use. Why: a site can point a name of its own at
 * 127.0.0.1 (DNS rebinding) and read the preview as same-origin, but its requests still carry that
 * name in Host; and a page elsewhere may open `/events` outright, which its Origin and
 * Sec-Fetch-Site give away. Why 421 for a Host: the request is well formed and allowed, only
 * addressed to a server this is not (RFC 9110 §15.5.20); 403 is for a request from a foreign page.
 */
export function requestRefusal(request: IncomingMessage, target: RequestTarget, port: number, stream: boolean): Refusal | undefined {
  if (!target.authority || !authorities(LOOPBACK_HOSTS, port).has(target.authority)) {
    return { status: 421, body: `misdirected request: this preview answers only at http://127.0.0.1:${port}/\n` };
  }
  if (stream && !(originIsOwn(request, port) && siteIsOwn(request))) {
    return { status: 403, body: "forbidden: only the preview's own page may open this stream\n" };
  }
  return undefined;
}

/** `host:port` for each of `hosts`, and the bare host on port 80, which browsers leave out of Host and Origin. */
function authorities(hosts: string[], port: number): Set<string> {
  return new Set(hosts.flatMap((host) => (port === 80 ? [`${host}:${port}`, host] : [`${host}:${port}`])));
}

/** Whether Origin, when the browser sends one (Chromium does not, for a same-origin EventSource), is the preview's own. */
function originIsOwn(request: IncomingMessage, port: number): boolean {
  const origins = request.headersDistinct.origin;
  if (origins === undefined) return true;
  const own = new Set([...authorities(PAGE_HOSTS, port)].map((authority) => `http://${authority}`));
  return origins.length === 1 && own.has(origins[0]!.toLowerCase());
}

/** Whether Sec-Fetch-Site, when sent, says the preview's own page made the request or the author typed it. */
function siteIsOwn(request: IncomingMessage): boolean {
  const sites = request.headersDistinct["sec-fetch-site"];
  return sites === undefined || (sites.length === 1 && OWN_SITES.has(sites[0]!.toLowerCase()));
}
