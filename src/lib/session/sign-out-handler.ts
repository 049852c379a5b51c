import { json } from "@/lib/http/api-response";
import { apiRoute } from "@/lib/http/api-route";
import { endSession } from "./session";

/** The answer to every sign-out: the cookie is already cleared; cached pages of this site go too (R18). */
export function signedOutResponse(): Response {
  return json({ ok: true }, { headers: { "Clear-Site-Data": '"cache"' } });
}

/** `DELETE /api/sessions` and the tutorial's `POST /api/logout`. */
export const signOutHandler = apiRoute(async () => {
  await endSession();
  return signedOutResponse();
});
