import { z } from "zod";
import { EmailSchema } from "@/lib/auth/email";
import { requestEmailChange } from "@/lib/email-change/request-email-change";
import { json, jsonError, methodNotAllowed } from "@/lib/http/api-response";
import { apiRoute } from "@/lib/http/api-route";
import { currentRequestContext } from "@/lib/http/current-request";
import { readInput } from "@/lib/http/read-json";
import { requireApiSession } from "@/lib/session/for-routes";
import { requireStepUp } from "@/lib/session/step-up-guard";

const EmailChangeSchema = z.object({ newEmail: EmailSchema });

/** The one answer to every accepted request: a free, a taken and a throttled address are told apart by nobody. */
export const EMAIL_CHANGE_SENT = { ok: true, message: "If that address can be used, we sent it a confirmation link." };

/**
 * `{newEmail}`: a confirmation link to the new address, a notice to the old one (issue 12 §4), after a recent
 * password confirmation (R61). 202 whatever the address: nothing changes until the link is followed.
 */
export const POST = apiRoute(async (request) => {
  const auth = await requireApiSession();
  if (!auth.ok) return auth.response;
  const stepUp = requireStepUp(auth.session);
  if (stepUp) return stepUp;
  const input = await readInput(request, EmailChangeSchema);
  if (!input.ok) return input.response;
  const result = await requestEmailChange(auth.session.user, input.value.newEmail, await currentRequestContext());
  if (!result.ok) {
    const fields = { newEmail: "This is already your address." };
    return jsonError(400, "invalid_input", "Enter a different address.", { fields });
  }
  return json(EMAIL_CHANGE_SENT, { status: 202 });
});

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
