import { endDevice } from "@/lib/devices/devices";
import { json, jsonError, methodNotAllowed } from "@/lib/http/api-response";
import { apiRoute } from "@/lib/http/api-route";
import { currentRequestContext } from "@/lib/http/current-request";
import { requireApiSession } from "@/lib/session/for-routes";
import { endSession } from "@/lib/session/sign-out";

type Context = { params: Promise<{ id: string }> };

/**
 * Signs one device out: its copied cookie is refused at once, on every instance (R15). 404 for an id that is
 * not one of this user's live sessions, another user's included. Ending this very session signs this browser
 * out too: the cookie is cleared and the answer says `signedOut: true`.
 */
export const DELETE = apiRoute<Context>(async (_request, { params }) => {
  const auth = await requireApiSession();
  if (!auth.ok) return auth.response;
  const { id } = await params;
  const result = await endDevice(auth.session, id, await currentRequestContext());
  if (!result.ok) return jsonError(404, "not_found", "No such session among your devices.");
  if (!result.current) return json({ ok: true, current: false, signedOut: false });
  await endSession();
  return json({ ok: true, current: true, signedOut: true }, { headers: { "Clear-Site-Data": '"cache"' } });
});

export const GET = methodNotAllowed(["DELETE"]);
export const POST = GET;
export const PUT = GET;
export const PATCH = GET;
