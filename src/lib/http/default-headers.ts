import { randomUUID } from "node:crypto";
import { type IncomingMessage, Server, type ServerResponse } from "node:http";
import { REQUEST_ID_HEADER } from "./request-context";
import { API_CONTENT_SECURITY_POLICY, staticSecurityHeaders } from "./security-headers";

/**
 * Next.js answers some requests before `next.config.ts` headers or the proxy apply: its 308 for repeated
 * slashes and backslashes (`/a//b`, `/a\b`), for one. Every response of this process's HTTP servers starts
 * with the static security headers and the fixed `default-src 'none'` policy; Next.js's `headers()` and the
 * proxy then replace them with the same values, and pages replace the policy with their nonce one.
 *
 * Every request also gets its request id here, overwriting whatever the client sent (R55), on the request
 * (what `apiRoute` and `currentRequestContext` read) and on the answer: the JSON routes the proxy skips
 * (issue 14: status reads, sign-in, sign-out, health) get it from here, proxied requests get the proxy's.
 */
export function installDefaultSecurityHeaders(production: boolean): void {
  const original = Server.prototype.emit;
  if ((original as { securityHeaders?: boolean }).securityHeaders) return;
  const defaults = [
    ...staticSecurityHeaders(production),
    { key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY },
  ];
  const emit = function emit(this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const request = args[0] as IncomingMessage;
      const response = args[1] as ServerResponse<IncomingMessage>;
      for (const { key, value } of defaults) response.setHeader(key, value);
      const requestId = randomUUID();
      request.headers[REQUEST_ID_HEADER] = requestId;
      response.setHeader(REQUEST_ID_HEADER, requestId);
    }
    return Reflect.apply(original, this, [event, ...args]) as boolean;
  };
  Server.prototype.emit = Object.assign(emit, { securityHeaders: true }) as typeof original;
}
