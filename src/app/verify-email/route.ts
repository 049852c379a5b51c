import { currentRequestContext } from "@/lib/http/current-request";
import { headWithoutFollowing, LINK_RESULT_PATH, linkRoute } from "@/lib/verification/link-route";
import { verifyEmail } from "@/lib/verification/verify-email";

/** The verification link (issue 12 §2): marks the address verified, then shows the result without the token. */
export const GET = linkRoute(async (token) => {
  const result = await verifyEmail(token, await currentRequestContext());
  return `${LINK_RESULT_PATH}?result=${result.ok ? "verified" : "invalid"}`;
});

export const HEAD = headWithoutFollowing;
