import { STATUS_CODES } from "node:http";
import type { ErrorBody } from "./api-response";
import type { EarlyRefusal } from "./early-refusal";
import { API_CONTENT_SECURITY_POLICY, staticSecurityHeaders } from "./security-headers";

/**
 * The bytes of an early refusal, with the headers every response of the app carries (they come from
 * next.config.ts, which these answers never reach): JSON under /api/, plain text elsewhere, and the
 * connection closed, since the rest of the request is not read.
 */
export function earlyAnswer(refusal: EarlyRefusal, api: boolean): string {
  const body = api
    ? JSON.stringify({ error: { code: refusal.code, message: refusal.message } } satisfies ErrorBody)
    : `${refusal.message}\n`;
  const headers: Array<[string, string]> = [
    ...staticSecurityHeaders(process.env.NODE_ENV === "production").map(({ key, value }): [string, string] => [
      key,
      value,
    ]),
    ["Content-Security-Policy", API_CONTENT_SECURITY_POLICY],
    ["Cache-Control", "no-store"],
    ["Content-Type", api ? "application/json; charset=utf-8" : "text/plain; charset=utf-8"],
    ...(refusal.allow ? [["Allow", refusal.allow] as [string, string]] : []),
    ["Content-Length", String(Buffer.byteLength(body))],
    ["Connection", "close"],
  ];
  const head = [`HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status] ?? ""}`];
  for (const [name, value] of headers) head.push(`${name}: ${value}`);
  return `${head.join("\r\n")}\r\n\r\n${body}`;
}
