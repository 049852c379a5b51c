import { env } from "@/lib/config/env";
import { appOrigin } from "@/lib/mail/app-url";

/** The relying party comes from `APP_ORIGIN`, never from a Host a client sent (issue 13 §2). */
export function relyingParty(): { rpID: string; origin: string; rpName: string } {
  const origin = appOrigin();
  return { rpID: new URL(origin).hostname, origin, rpName: env().APP_NAME };
}

/** Challenges expire in 5 minutes. */
export const CHALLENGE_TTL_MS = 5 * 60_000;
