import { audit } from "@/lib/audit/audit-log";
import { db } from "@/lib/db/database";
import { json, jsonError, methodNotAllowed } from "@/lib/http/api-response";
import { apiRoute } from "@/lib/http/api-route";
import { currentRequestContext } from "@/lib/http/current-request";
import { removePasskey } from "@/lib/passkeys/passkey-store";
import { requireApiSession } from "@/lib/session/for-routes";
import { requireStepUp } from "@/lib/session/step-up-guard";

type Context = { params: Promise<{ id: string }> };

/** Removes one of this user's passkeys (step-up); another user's id is a 404, exactly like an unknown one. */
export const DELETE = apiRoute<Context>(async (_request, { params }) => {
  const auth = await requireApiSession();
  if (!auth.ok) return auth.response;
  const stepUp = requireStepUp(auth.session);
  if (stepUp) return stepUp;
  const { id } = await params;
  const userId = auth.session.user.id;
  if (id.length > 1024 || !(await removePasskey(await db(), userId, id))) {
    return jsonError(404, "not_found", "No such passkey.");
  }
  await audit({ event: "passkey_removed", outcome: "success", userId }, await currentRequestContext());
  return json({ ok: true });
});

export const GET = methodNotAllowed(["DELETE"]);
export const POST = GET;
export const PUT = GET;
export const PATCH = GET;
