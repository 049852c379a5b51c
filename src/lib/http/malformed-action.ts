import { log } from "@/lib/log/logger";
import { fetchActionProblem, formActionProblem } from "./action-post";

function isMultipart(request: Request): boolean {
  return request.headers.get("content-type")?.toLowerCase().startsWith("multipart/form-data") ?? false;
}

async function formOf(request: Request): Promise<FormData | null> {
  return request
    .clone()
    .formData()
    .catch(() => null);
}

function problemOf(form: FormData | null, isFetchAction: boolean): string | null {
  if (!form) return "a multipart body that cannot be read";
  return isFetchAction ? fetchActionProblem(form) : formActionProblem(form);
}

/**
 * For the proxy: a 400 for a POST to a page that is a server action React could not decode (see
 * `action-post.ts`), instead of the 500 Next.js answers when its decoder throws. Other posts pass (null).
 * The body is small here: the request gate refuses page posts over 64 KiB or without a Content-Length.
 */
export async function refuseMalformedAction(request: Request): Promise<Response | null> {
  const isFetchAction = request.headers.has("next-action");
  let problem: string | null = null;
  if (isMultipart(request)) problem = problemOf(await formOf(request), isFetchAction);
  else if (isFetchAction) problem = fetchActionProblem(await request.clone().text());
  if (!problem) return null;
  log.warn("malformed_action", { path: new URL(request.url).pathname, problem });
  return new Response("This form post could not be read. Reload the page and try again.\n", {
    status: 400,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
