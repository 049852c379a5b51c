import type { AdminPatch } from "./admin-actions";

/** What an admin can do to one user, as named in `/admin?confirm=…` and in the forms. */
export const ADMIN_COMMANDS = ["grant", "revoke", "disable", "enable", "sign-out", "delete"] as const;
export type AdminCommand = (typeof ADMIN_COMMANDS)[number];

export function isAdminCommand(value: unknown): value is AdminCommand {
  return ADMIN_COMMANDS.some((command) => command === value);
}

/** What each command is in the API: a PATCH of one field, the sign-out, or the removal. */
export type CommandEffect = { kind: "patch"; patch: AdminPatch } | { kind: "sign-out" } | { kind: "delete" };

const EFFECTS: Record<AdminCommand, CommandEffect> = {
  grant: { kind: "patch", patch: { isAdmin: true } },
  revoke: { kind: "patch", patch: { isAdmin: false } },
  disable: { kind: "patch", patch: { disabled: true } },
  enable: { kind: "patch", patch: { disabled: false } },
  "sign-out": { kind: "sign-out" },
  delete: { kind: "delete" },
};

export function commandEffect(command: AdminCommand): CommandEffect {
  return EFFECTS[command];
}

export interface ApiRequest {
  method: "PATCH" | "POST" | "DELETE";
  path: string;
  body?: AdminPatch;
}

/** Pure: the JSON API request that carries out `command` on `userId` (the page's JavaScript path). */
export function commandRequest(command: AdminCommand, userId: string): ApiRequest {
  const path = `/api/admin/users/${encodeURIComponent(userId)}`;
  const effect = commandEffect(command);
  if (effect.kind === "patch") return { method: "PATCH", path, body: effect.patch };
  if (effect.kind === "sign-out") return { method: "POST", path: `${path}/sign-out` };
  return { method: "DELETE", path };
}

/** The button's words, the question the confirmation step asks, and what the page says once done. */
export const COMMAND_TEXT: Record<AdminCommand, { button: string; question: string; done: string }> = {
  grant: { button: "Make admin", question: "Make {who} an admin?", done: "{who} is now an admin." },
  revoke: { button: "Revoke admin", question: "Revoke {who}'s admin rights?", done: "{who} is no longer an admin." },
  disable: {
    button: "Disable",
    question: "Disable {who}? Every session of theirs ends now, and they cannot sign in until enabled.",
    done: "{who} is disabled and signed out everywhere.",
  },
  enable: { button: "Enable", question: "Enable {who} again?", done: "{who} can sign in again." },
  "sign-out": {
    button: "Sign out everywhere",
    question: "Sign {who} out on every device?",
    done: "{who} was signed out everywhere.",
  },
  delete: {
    button: "Delete",
    question: "Delete {who} and everything of theirs? This cannot be undone.",
    done: "{who} was deleted.",
  },
};

/** Pure: `text` with `{who}` replaced. */
export function say(text: string, who: string): string {
  return text.replaceAll("{who}", who);
}
