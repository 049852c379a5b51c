import { log } from "@/lib/log/logger";
import { fetchActionProblem, formActionProblem } from "./action-post";

async function formOf(request: Request): Promise<FormData | null> {
  const type = request.headers.get("content-type")?.toLowerCase() ?? "";
  if (!type.startsWith("multipart/form-data")) return null;
  return request
    .clone()
    .formData()
    .catch(() => null);
}

/**
 * For the proxy: a 400 for a POST to a page that is a server action React could not decode (see
 * `action-post.ts`), instead of the 500 Next.js answers when its decoder throws. Other posts pass (null).
 * The body is small here: the request gate refuses page posts over 64 KiB or without a Content-Length.
 */
export async function refuseMalformedAction(request: Request): Promise<Response | null> {
  const isFetchAction = request.headers.has("next-action");
  const form = await formOf(request);
  const problem = isFetchAction ? fetchActionProblem(form) : form ? formActionProblem(form) : null;
  if (!problem) return null;
  log.warn("malformed_action", { path: new URL(request.url).pathname, problem });
  return new Response("This form post could not be read. Reload the page and try again.\n", {
    status: 400,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
