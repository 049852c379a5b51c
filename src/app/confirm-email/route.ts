import { confirmEmailChange } from "@/lib/email-change/confirm-email-change";
import { currentRequestContext } from "@/lib/http/current-request";
import { checkAppRouterSession } from "@/lib/session/app-router-check";
import { keepThisSession } from "@/lib/session/keep-session";
import { headWithoutFollowing, LINK_RESULT_PATH, linkRoute } from "@/lib/verification/link-route";

/**
 * The email-change link (issue 12 §4): the address changes and every session of the user ends, except this
 * browser's when it is signed in as that user (the "sign out everywhere else" bump and kept session).
 */
export const GET = linkRoute(async (token) => {
  const before = await checkAppRouterSession();
  const result = await confirmEmailChange(token, await currentRequestContext());
  if (!result.ok) return `${LINK_RESULT_PATH}?result=${result.code === "email_taken" ? "taken" : "invalid"}`;
  if (before.status === "active" && before.user.id === result.userId) {
    await keepThisSession(before, result.sessionVersion);
    return "/account?done=email-changed";
  }
  return `${LINK_RESULT_PATH}?result=changed`;
});

export const HEAD = headWithoutFollowing;
