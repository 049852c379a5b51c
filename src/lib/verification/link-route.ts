import { isTemporaryFailure } from "@/lib/http/temporary-failure";
import { log } from "@/lib/log/logger";

/** A token as links carry it (base64url); anything else is answered like a used-up link, without a query. */
const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

export const LINK_RESULT_PATH = "/email-link";

/** The answer of an emailed link: 303 to a page without the token, sent to nobody else (no referrer). */
function seeOther(location: string): Response {
  return new Response(null, {
    status: 303,
    headers: { Location: location, "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" },
  });
}

/**
 * `GET /verify-email?token=…`, `GET /confirm-email?token=…`: `follow` uses the token and says where to go.
 * The redirect takes the token out of the address bar and the history, and works without JavaScript. The
 * token never reaches a log (the path is logged, never the query).
 */
export function linkRoute(follow: (token: string) => Promise<string>): (request: Request) => Promise<Response> {
  return async (request) => {
    const token = new URL(request.url).searchParams.get("token") ?? "";
    if (!TOKEN.test(token)) return seeOther(`${LINK_RESULT_PATH}?result=invalid`);
    try {
      return seeOther(await follow(token));
    } catch (error) {
      if (!isTemporaryFailure(error)) throw error;
      log.warn("service_unavailable", { path: new URL(request.url).pathname, error });
      return seeOther(`${LINK_RESULT_PATH}?result=unavailable`);
    }
  };
}

/** A HEAD (link checkers, mail scanners) must not use the token up: it learns only that the page exists. */
export function headWithoutFollowing(): Response {
  return new Response(null, {
    status: 200,
    headers: { "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" },
  });
}
