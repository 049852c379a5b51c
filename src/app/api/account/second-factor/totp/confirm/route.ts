import { json, jsonError, methodNotAllowed } from "@/lib/http/api-response";
import { apiRoute } from "@/lib/http/api-route";
import { currentRequestContext } from "@/lib/http/current-request";
import { readInput } from "@/lib/http/read-json";
import { confirmTotp } from "@/lib/second-factor/enrolment";
import { TotpCodeSchema } from "@/lib/second-factor/second-factor-schemas";
import { requireApiSession } from "@/lib/session/for-routes";
import { requireStepUp } from "@/lib/session/step-up-guard";

/** `{code}`: the first code from the app turns two-step sign-in on; the answer has the recovery codes, once. */
export const POST = apiRoute(async (request) => {
  const auth = await requireApiSession();
  if (!auth.ok) return auth.response;
  const stepUp = requireStepUp(auth.session);
  if (stepUp) return stepUp;
  const input = await readInput(request, TotpCodeSchema);
  if (!input.ok) return input.response;
  const result = await confirmTotp(auth.session.user, input.value.code, await currentRequestContext());
  if (!result.ok && result.code === "not_enrolling") {
    return jsonError(409, "conflict", "Start the set-up first (POST /api/account/second-factor/totp).");
  }
  if (!result.ok) {
    return jsonError(400, "invalid_code", "That code is not right.", { fields: { code: "That code is not right." } });
  }
  return json({ ok: true, recoveryCodes: result.recoveryCodes });
});

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
