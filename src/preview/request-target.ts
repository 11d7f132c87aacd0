import type { IncomingMessage } from "node:http";

/** Whom a request asks for and what: the authority (host and port, lowercase) and the path. */
export interface RequestTarget {
  /** undefined when the request names none, or more than one. */
  authority: string | undefined;
  path: string;
}

/**
 * The authority and path of `request`, or undefined for a target that is neither origin-form
 * (`/events`) nor an absolute http URL. Why the absolute form counts: RFC 9112 §3.2.2 has its
 * authority override Host, so a check of Host alone could be walked around; here the two must agree.
 */
export function requestTarget(request: IncomingMessage): RequestTarget | undefined {
  const target = request.url ?? "";
  const host = hostHeader(request);
  if (target.startsWith("/")) return { authority: host, path: originFormPath(target) };
  const absolute = /^http:\/\//i.test(target) ? absoluteForm(target) : undefined;
  return absolute && { authority: absolute.authority === host ? host : undefined, path: absolute.path };
}

/** The one Host header, lowercase; undefined when there is none or several (RFC 9112 §3.2 allows neither). */
function hostHeader(request: IncomingMessage): string | undefined {
  const hosts = request.headersDistinct.host;
  return hosts?.length === 1 ? hosts[0]!.toLowerCase() : undefined;
}

/** The normalised path of `/…`. Why the fixed prefix: `new URL("//x", base)` would read `x` as a host. */
function originFormPath(target: string): string {
  return new URL(`http://preview.invalid${target}`).pathname;
}

/** The authority (as URL writes it: lowercase, no :80) and path of `http://host:port/…`; undefined when it does not parse. */
function absoluteForm(target: string): RequestTarget | undefined {
  try {
    const url = new URL(target);
    return { authority: url.host, path: url.pathname };
  } catch {
    return undefined;
  }
}
