import { json, methodNotAllowed } from "@/lib/http/api-response";
import { apiRoute } from "@/lib/http/api-route";
import { requireApiSession } from "@/lib/session/for-routes";
import { revokeOtherSessions } from "@/lib/session/sign-out";
import { requireStepUp } from "@/lib/session/step-up-guard";

/** "Sign out everywhere else": every other session of this user ends; this one goes on (R17, step-up R61). */
export const POST = apiRoute(async () => {
  const auth = await requireApiSession();
  if (!auth.ok) return auth.response;
  const stepUp = requireStepUp(auth.session);
  if (stepUp) return stepUp;
  await revokeOtherSessions(auth.session);
  return json({ ok: true });
});

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
