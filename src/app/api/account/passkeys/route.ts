import { reader } from "@/lib/db/database";
import { json, jsonError, methodNotAllowed } from "@/lib/http/api-response";
import { apiRoute } from "@/lib/http/api-route";
import { currentRequestContext } from "@/lib/http/current-request";
import { readInput } from "@/lib/http/read-json";
import { registerPasskey } from "@/lib/passkeys/passkey-registration";
import { AddPasskeySchema, asRegistration } from "@/lib/passkeys/passkey-schemas";
import { listPasskeys } from "@/lib/passkeys/passkey-store";
import { requireApiSession } from "@/lib/session/for-routes";
import { requireStepUp } from "@/lib/session/step-up-guard";

/** This user's passkeys: id, name, when added and last used. Never the public key. */
export const GET = apiRoute(async () => {
  const auth = await requireApiSession();
  if (!auth.ok) return auth.response;
  const passkeys = await listPasskeys(await reader(), auth.session.user.id);
  return json({
    passkeys: passkeys.map(({ id, name, createdAt, lastUsedAt }) => ({ id, name, createdAt, lastUsedAt })),
  });
});

/** `{name, response}`: stores the passkey the authenticator just made (step-up, R61). */
export const POST = apiRoute(async (request) => {
  const auth = await requireApiSession();
  if (!auth.ok) return auth.response;
  const stepUp = requireStepUp(auth.session);
  if (stepUp) return stepUp;
  const input = await readInput(request, AddPasskeySchema);
  if (!input.ok) return input.response;
  const { name, response } = input.value;
  const result = await registerPasskey(auth.session, name, asRegistration(response), await currentRequestContext());
  if (!result.ok) return jsonError(400, "invalid_input", "The passkey could not be verified; try again.");
  return json({ ok: true, id: result.id }, { status: 201 });
});

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
