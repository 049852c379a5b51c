import { jsonError } from "@/lib/http/api-response";
import { type ActiveSession, resolveSession } from "./resolve-session";
import { readSessionPayload } from "./session";

export type ApiSession = { ok: true; session: ActiveSession } | { ok: false; response: Response };

/** For protected route handlers: the verified session, or a 401 JSON answer (never an HTML redirect). */
export async function requireApiSession(): Promise<ApiSession> {
  const check = await resolveSession(await readSessionPayload());
  if (check.status === "active") return { ok: true, session: check };
  return {
    ok: false,
    response: jsonError(401, "unauthorized", "Sign in first.", { reason: check.reason }),
  };
}
