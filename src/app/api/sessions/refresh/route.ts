import { json, methodNotAllowed } from "@/lib/http/api-response";
import { apiRoute } from "@/lib/http/api-route";
import { requireApiSession } from "@/lib/session/for-routes";
import { extendSession } from "@/lib/session/keep-session";

/** "Stay signed in": restarts the idle window and answers the new expiries; never past the absolute limit. */
export const POST = apiRoute(async () => {
  const auth = await requireApiSession({ unverified: "allow" });
  if (!auth.ok) return auth.response;
  return json({ ok: true, ...(await extendSession(auth.session)) });
});

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
