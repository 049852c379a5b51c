import { jsonError } from "@/lib/http/api-response";
import { checkAppRouterSession } from "./app-router-check";
import type { ActiveSession } from "./check-session";

export type ApiSession = { ok: true; session: ActiveSession } | { ok: false; response: Response };

/** For App Router route handlers (pages use `for-pages.ts`): the verified session, or a 401 JSON answer (never an HTML redirect). */
export async function requireApiSession(): Promise<ApiSession> {
  const check = await checkAppRouterSession();
  if (check.status === "active") return { ok: true, session: check };
  return {
    ok: false,
    response: jsonError(401, "unauthorized", "Sign in first.", { reason: check.reason }),
  };
}
