import type { IncomingHttpHeaders } from "node:http";
import type { ErrorCode } from "./api-response";
import { MAX_API_BODY_BYTES, MAX_FORM_BODY_BYTES, ROUTED_METHODS } from "./request-limits";

/** An answer given from the request line and headers alone, before Next.js (or any body byte) is read. */
export interface EarlyRefusal {
  status: 405 | 408 | 411 | 413;
  code: ErrorCode;
  message: string;
  allow?: string;
}

export function isApiPath(path: string): boolean {
  return path === "/api" || path.startsWith("/api/");
}

function isRouted(method: string): boolean {
  return (ROUTED_METHODS as readonly string[]).includes(method);
}

/** 405 for a method no route serves. Each route's own 405 names that route's methods; this one, decided
 * before routing, names what the server routes at all. */
export function unroutedMethod(api: boolean): EarlyRefusal {
  const allow = api ? ROUTED_METHODS.join(", ") : "GET, HEAD, POST";
  return { status: 405, code: "method_not_allowed", message: "This method is not served here.", allow };
}

/**
 * Decides whether a request is refused before Next.js sees it: a method no route serves (Next.js's own
 * proxy answers TRACE with a 500), or a declared body over the limit, which is refused before it is read
 * instead of being buffered. Forms always send a Content-Length, so only the JSON API takes a chunked body.
 */
export function earlyRefusal(method: string, path: string, headers: IncomingHttpHeaders): EarlyRefusal | null {
  const api = isApiPath(path);
  if (!isRouted(method)) return unroutedMethod(api);
  const limit = api ? MAX_API_BODY_BYTES : MAX_FORM_BODY_BYTES;
  const declared = Number(headers["content-length"] ?? "0");
  if (declared > limit) {
    return { status: 413, code: "payload_too_large", message: `The body is over ${limit} bytes.` };
  }
  if (!api && headers["transfer-encoding"] !== undefined) {
    return { status: 411, code: "length_required", message: "Send the form with a Content-Length." };
  }
  return null;
}

/** What a request whose body did not arrive in time gets. */
export const BODY_TIMEOUT: EarlyRefusal = {
  status: 408,
  code: "request_timeout",
  message: "The request body took too long to arrive.",
};
