import { json, methodNotAllowed } from "@/lib/http/api-response";
import { apiRoute } from "@/lib/http/api-route";
import { currentRequestContext } from "@/lib/http/current-request";
import { requireApiSession } from "@/lib/session/for-routes";
import { resendVerification } from "@/lib/verification/resend-verification";

/**
 * "Resend" the verification link (issue 12 §2): 202 with the same body whether a link went out, the address
 * was verified already or the account asked too often. Open to unverified users under `required` too.
 */
export const POST = apiRoute(async () => {
  const auth = await requireApiSession({ unverified: "allow" });
  if (!auth.ok) return auth.response;
  await resendVerification(auth.session.user.id, await currentRequestContext());
  return json({ ok: true, message: "If your address still needs it, a new link is on its way." }, { status: 202 });
});

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
