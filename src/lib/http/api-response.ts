import { throttledMessage } from "@/lib/throttle/throttle-policy";

export type ErrorCode =
  | "invalid_json"
  | "invalid_input"
  | "invalid_credentials"
  | "email_taken"
  | "unauthorized"
  | "method_not_allowed"
  | "not_found"
  | "payload_too_large"
  | "request_timeout"
  | "length_required"
  | "unsupported_media_type"
  | "service_unavailable"
  | "too_many_requests"
  | "cross_origin"
  | "reauthentication_required"
  | "conflict"
  | "email_unverified"
  | "invalid_token"
  | "forbidden"
  | "last_admin"
  | "invalid_code"
  | "second_factor_expired"
  | "second_factor_required"
  | "internal_error";

export type FieldErrors = Record<string, string>;

export interface ErrorBody {
  /** `reason` says why a 401 has no session: `none`, `expired`, `ended`, `revoked` or `removed`. */
  error: { code: ErrorCode; message: string; fields?: FieldErrors; reason?: string };
}

/** Every auth answer is private to this browser and this moment (R8). */
const NO_STORE = { "Cache-Control": "no-store" } as const;

export function json(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("Cache-Control", NO_STORE["Cache-Control"]);
  // `Response.json` says only `application/json`; naming the charset leaves no client to guess it.
  headers.set("Content-Type", "application/json; charset=utf-8");
  return Response.json(body, { ...init, headers });
}

/** `{"error": {"code", "message", "fields"?}}` with the given status. */
export function jsonError(
  status: number,
  code: ErrorCode,
  message: string,
  options: { fields?: FieldErrors; reason?: string; headers?: HeadersInit } = {},
): Response {
  const { fields, reason } = options;
  const body: ErrorBody = { error: { code, message, ...(fields ? { fields } : {}), ...(reason ? { reason } : {}) } };
  return json(body, { status, headers: options.headers });
}

/** For the verbs a route does not serve: JSON, with `Allow`, instead of an empty 405. */
export function methodNotAllowed(allow: string[]): () => Response {
  return () =>
    jsonError(405, "method_not_allowed", `Use ${allow.join(" or ")}.`, { headers: { Allow: allow.join(", ") } });
}

/** 429 with `Retry-After` (decision 7). */
export function tooManyRequests(retryAfterSeconds: number): Response {
  return jsonError(429, "too_many_requests", throttledMessage(retryAfterSeconds), {
    headers: { "Retry-After": String(retryAfterSeconds) },
  });
}

/** 403 `cross_origin` (decision 4): no state change, no cookie. The body also serves the Pages Router. */
export const CROSS_ORIGIN_BODY: ErrorBody = {
  error: { code: "cross_origin", message: "This request did not come from this site." },
};

export function crossOriginResponse(): Response {
  return json(CROSS_ORIGIN_BODY, { status: 403 });
}
