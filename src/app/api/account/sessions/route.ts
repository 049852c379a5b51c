import { listDevices } from "@/lib/devices/devices";
import { json, methodNotAllowed } from "@/lib/http/api-response";
import { apiRoute } from "@/lib/http/api-route";
import { requireApiSession } from "@/lib/session/for-routes";

/** This user's live sessions ("Your devices"), newest first; `current` marks the one asking. */
export const GET = apiRoute(async () => {
  const auth = await requireApiSession();
  if (!auth.ok) return auth.response;
  return json({ sessions: await listDevices(auth.session) });
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
