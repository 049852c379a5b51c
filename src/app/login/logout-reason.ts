/** Why someone is on the login page. Only these reasons are shown; any other value is ignored. */
const MESSAGES = {
  expired: "Your session ended after a period of inactivity. Please sign in again.",
  ended: "Your session reached its time limit. Please sign in again.",
  "signed-out": "You have signed out.",
  "signed-out-everywhere": "You signed out everywhere: every device, this one included, is signed out.",
  revoked: "Your session was ended from another device or by a password change. Please sign in again.",
  removed: "Your session was ended: this account is no longer available.",
  "signed-out-elsewhere": "You signed out in another tab.",
  "account-deleted": "Your account was deleted and every device signed out of it.",
  "password-reset": "Your password was changed and every device was signed out. Sign in with your new password.",
  "second-factor-expired": "Your sign-in waited too long for its second step. Please sign in again.",
} as const;

/** Sent back from a protected page without a session, with no other reason. */
export const SIGN_IN_TO_CONTINUE = "Sign in to continue.";

/**
 * The notice for a `reason` (and a `next`, which says the visitor was sent back from a protected page).
 * Reasons come from the query string: only known ones are shown, never the value itself.
 */
export function logoutMessage(reason: unknown, next?: unknown): string | null {
  if (typeof reason === "string" && Object.hasOwn(MESSAGES, reason)) return MESSAGES[reason as keyof typeof MESSAGES];
  return typeof next === "string" && next.startsWith("/") ? SIGN_IN_TO_CONTINUE : null;
}
