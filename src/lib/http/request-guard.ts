import { audit } from "@/lib/audit/audit-log";
import { oncePerMinuteId } from "@/lib/audit/event-ids";
import { env } from "@/lib/config/env";
import { log } from "@/lib/log/logger";
import { crossOriginResponse, jsonError } from "./api-response";
import { checkOrigin, isSimpleFormType } from "./origin-check";
import { requestContext } from "./request-context";

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
    const context = requestContext(request.headers, TRUST_PROXY);
    const id = oncePerMinuteId("csrf_rejected", context);
    await audit({ id, event: "csrf_rejected", outcome: "blocked", detail: `${path}: ${verdict.reason}` }, context);
    return crossOriginResponse();
  }
  if (request.method !== "GET" && request.method !== "HEAD" && isSimpleFormType(request.headers.get("content-type"))) {
    return jsonError(415, "unsupported_media_type", "Send the body as application/json.");
  }
  return null;
}
