/** Why someone is on the login page. Only these reasons are shown; any other value is ignored. */
const MESSAGES = {
  expired: "You were signed out after a period of inactivity.",
  ended: "Your session reached its time limit. Please sign in again.",
  "signed-out": "You have signed out.",
  revoked: "Your session was ended: you signed out everywhere, or your password was changed.",
  "signed-out-elsewhere": "You signed out in another tab.",
} as const;

export function logoutMessage(reason: unknown): string | null {
  return typeof reason === "string" && Object.hasOwn(MESSAGES, reason)
    ? MESSAGES[reason as keyof typeof MESSAGES]
    : null;
}
