import { formatDuration } from "@/lib/config/duration";
import { composeMail } from "@/lib/mail/mail-layout";
import type { OutgoingMail } from "@/lib/mail/outgoing-mail";

/** The link to choose a new password; it names no password and works once. */
export function resetLinkMail(to: string, token: string, ttlMs: number): OutgoingMail {
  return composeMail(to, {
    title: "Reset your password",
    paragraphs: [
      "Someone asked to reset the password of the account with this email address. If it was you, choose a new password with the link below.",
      `The link works once, for ${formatDuration(ttlMs)}. If you did not ask, ignore this message: your password stays as it is.`,
    ],
    action: { label: "Choose a new password", url: `/reset-password?token=${encodeURIComponent(token)}` },
    reason: "You get this message because a password reset was requested for this address.",
  });
}

/** Sent after a reset or a change: the owner learns of it even when it was not them. */
export function passwordChangedMail(to: string): OutgoingMail {
  return composeMail(to, {
    title: "Your password was changed",
    paragraphs: [
      "The password of your account was just changed, and every device signed in to it was signed out.",
      "If this was not you, reset your password now with the link below and review your account.",
    ],
    action: { label: "Reset your password", url: "/forgot-password" },
    reason: "You get this message because the password of the account with this address changed.",
  });
}
