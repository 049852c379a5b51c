import { jsonError } from "@/lib/http/api-response";
import type { ActiveSession } from "./resolve-session";
import { verifySession } from "./verify-session";

export type ApiSession = { ok: true; session: ActiveSession } | { ok: false; response: Response };

/** For protected route handlers: the verified session, or a 401 JSON answer (never an HTML redirect). */
export async function requireApiSession(): Promise<ApiSession> {
  const check = await verifySession();
  if (check.status === "active") return { ok: true, session: check };
  return {
    ok: false,
    response: jsonError(401, "unauthorized", "Sign in first.", { reason: check.reason }),
  };
}
