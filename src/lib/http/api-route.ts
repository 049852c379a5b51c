import { accessLog } from "@/lib/log/access-log";
import { log } from "@/lib/log/logger";
import { jsonError } from "./api-response";
import { REQUEST_ID_HEADER } from "./request-context";
import { guardRequest } from "./request-guard";
import { isTemporaryFailure } from "./temporary-failure";

type Handler<C> = (request: Request, context: C) => Promise<Response>;

async function respond<C>(
  handler: Handler<C>,
  request: Request,
  context: C,
  fields: Record<string, unknown>,
): Promise<Response> {
  try {
    return (await guardRequest(request)) ?? (await handler(request, context));
  } catch (error) {
    if (isTemporaryFailure(error)) {
      log.warn("service_unavailable", { ...fields, error });
      return jsonError(503, "service_unavailable", "Try again in a moment.", { headers: { "Retry-After": "5" } });
    }
    log.error("unhandled_error", { ...fields, error });
    return jsonError(500, "internal_error", "Something went wrong on our side.");
  }
}

/**
 * Every JSON route goes through here: the request guard (Origin check, content type), the handler, and
 * the last-resort handler (R44): an unavailable database or a full hash queue is a 503 with `Retry-After`
 * (fail closed), anything else a generic 500 whose details go only to the log. One access-log line per
 * request, with the proxy's request id.
 */
export function apiRoute<C = unknown>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    const started = performance.now();
    const fields = {
      method: request.method,
      path: new URL(request.url).pathname,
      requestId: request.headers.get(REQUEST_ID_HEADER),
    };
    const response = await respond(handler, request, context, fields);
    accessLog({ ...fields, status: response.status, ms: Math.round(performance.now() - started) });
    return response;
  };
}
