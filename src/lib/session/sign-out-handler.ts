import { json } from "@/lib/http/api-response";
import { apiRoute } from "@/lib/http/api-route";
import { endSession } from "./session";

/** `DELETE /api/sessions` and the tutorial's `POST /api/logout`: clear the cookie, drop cached pages. */
export const signOutHandler = apiRoute(async () => {
  await endSession();
  return json({ ok: true }, { headers: { "Clear-Site-Data": '"cache"' } });
});
