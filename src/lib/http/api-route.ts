import { HashPoolBusyError } from "@/lib/auth/hash-pool";
import { isUnavailable } from "@/lib/db/errors";
import { log } from "@/lib/log/logger";
import { jsonError } from "./api-response";
import { guardRequest } from "./request-guard";

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Every JSON route goes through here. First the request guard (Origin check, content type); then the
 * handler; and the last-resort handler (R44): an unavailable database or a full hash queue is a 503 with
 * `Retry-After` (fail closed), anything else a generic 500 whose details go only to the log.
 */
export function apiRoute<C = unknown>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return (await guardRequest(request)) ?? (await handler(request, context));
    } catch (error) {
      if (isUnavailable(error) || error instanceof HashPoolBusyError) {
        log.warn("service_unavailable", { path: new URL(request.url).pathname, error });
        return jsonError(503, "service_unavailable", "Try again in a moment.", { headers: { "Retry-After": "5" } });
      }
      log.error("unhandled_error", { path: new URL(request.url).pathname, error });
      return jsonError(500, "internal_error", "Something went wrong on our side.");
    }
  };
}
