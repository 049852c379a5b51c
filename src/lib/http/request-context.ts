import { randomUUID } from "node:crypto";
import { isIP } from "node:net";
import { PEER_HEADER } from "./peer-address";

/** Who sent a request, as far as we can trust it: for throttling, the audit log and log lines. */
export interface RequestContext {
  ip: string | null;
  userAgent: string | null;
  requestId: string;
}

export const REQUEST_ID_HEADER = "x-request-id";

/** A valid IP address, canonical (`::ffff:1.2.3.4` is 1.2.3.4, IPv6 lowercase); null for anything else. */
export function normalizeIp(raw: string | undefined | null): string | null {
  const ip = (raw ?? "")
    .trim()
    .replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "")
    .toLowerCase();
  return isIP(ip) === 0 ? null : ip;
}

/** The throttling key of an address: an IPv6 client is keyed by its /64, which one host usually owns whole. */
export function ipBucket(ip: string): string {
  if (isIP(ip) !== 6) return ip;
  const [head = "", tail = ""] = ip.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => group.padStart(4, "0"))
    .join(":")}::/64`;
}

/**
 * The client's address (R41): with `TRUST_PROXY=n`, the n-th `X-Forwarded-For` entry from the right (what
 * the outermost trusted proxy saw); otherwise the TCP peer, never a header the client could have written.
 */
export function clientIp(headers: Headers, trustProxy: number): string | null {
  if (trustProxy === 0) return normalizeIp(headers.get(PEER_HEADER));
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return normalizeIp(chain[chain.length - trustProxy]);
}

export function requestContext(headers: Headers, trustProxy: number): RequestContext {
  return {
    ip: clientIp(headers, trustProxy),
    userAgent: headers.get("user-agent")?.slice(0, 256) ?? null,
    requestId: headers.get(REQUEST_ID_HEADER) ?? randomUUID(),
  };
}

/** Node's `IncomingMessage` headers as web `Headers` (Pages Router). */
export function nodeHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const result = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) result.append(name, item);
  }
  return result;
}
