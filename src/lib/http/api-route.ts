import { HashPoolBusyError } from "@/lib/auth/hash-pool";
import { isUnavailable } from "@/lib/db/errors";
import { log } from "@/lib/log/logger";
import { jsonError } from "./api-response";

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * The last-resort handler of every JSON route (R44): an unavailable database or a full hash queue is a
 * 503 with `Retry-After` (fail closed), anything else a generic 500 whose details go only to the log.
 */
export function apiRoute<C = unknown>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
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
