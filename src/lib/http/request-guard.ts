import { audit } from "@/lib/audit/audit-log";
import { env } from "@/lib/config/env";
import { log } from "@/lib/log/logger";
import { jsonError } from "./api-response";
import { checkOrigin, isSimpleFormType } from "./origin-check";
import { requestContext } from "./request-context";

/** 403 `cross_origin`: no state change, no cookie. */
export function crossOriginResponse(): Response {
  return jsonError(403, "cross_origin", "This request did not come from this site.");
}

/**
 * The request-level checks every state-changing JSON route runs before its handler: the Origin check
 * (audited as `csrf_rejected`) and, for unsafe methods, no simple form content type (415). Returns the
 * refusal, or null to go on.
 */
export async function guardRequest(request: Request): Promise<Response | null> {
  const { APP_ORIGIN, TRUSTED_ORIGINS, TRUST_PROXY } = env();
  const verdict = checkOrigin(request, { appOrigin: APP_ORIGIN, trustedOrigins: TRUSTED_ORIGINS });
  if (!verdict.ok) {
    const path = new URL(request.url).pathname;
    log.warn("csrf_rejected", { path, reason: verdict.reason });
    await audit(
      { event: "csrf_rejected", outcome: "blocked", detail: `${path}: ${verdict.reason}` },
      requestContext(request.headers, TRUST_PROXY),
    );
    return crossOriginResponse();
  }
  if (request.method !== "GET" && request.method !== "HEAD" && isSimpleFormType(request.headers.get("content-type"))) {
    return jsonError(415, "unsupported_media_type", "Send the body as application/json.");
  }
  return null;
}
