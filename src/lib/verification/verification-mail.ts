import { composeMail } from "@/lib/mail/mail-layout";
import type { OutgoingMail } from "@/lib/mail/outbox";

/**
 * The messages of verification and email change (issue 12 §2, §4). A `link` is a path carrying a live token
 * (the layout resolves it against `APP_ORIGIN`): it goes into the message only, never into a log.
 */
export function verificationMail(to: string, link: string): OutgoingMail {
  return composeMail(to, {
    title: "Confirm your email address",
    paragraphs: ["Follow the link below to confirm that this address is yours. It works once, for 24 hours."],
    action: { label: "Confirm my address", url: link },
    reason: "You signed up with this address, or asked for a new confirmation link.",
  });
}

/** To the owner of a taken address, under `EMAIL_VERIFICATION=required`: sign-up itself says nothing. */
export function signUpAttemptMail(to: string): OutgoingMail {
  return composeMail(to, {
    title: "Someone tried to sign up with your address",
    paragraphs: [
      "Someone tried to create an account with this email address, but you already have one. Nothing was changed.",
      "If it was you, log in instead; if you forgot your password, use \u201cForgot password?\u201d on the login page.",
    ],
    action: { label: "Log in", url: "/login" },
    reason: "Someone entered this address on the sign-up page.",
  });
}

export function emailChangeConfirmMail(to: string, link: string): OutgoingMail {
  return composeMail(to, {
    title: "Confirm your new email address",
    paragraphs: [
      "Follow the link below to make this the address of your account. It works once, for one hour.",
      "Until then the old address stays in use. If you did not ask for this, ignore this message.",
    ],
    action: { label: "Use this address", url: link },
    reason: "Someone signed in to an account asked to change its address to this one.",
  });
}

/** To the old address, when a change is asked for: the owner learns of it before it happens. */
export function emailChangeNoticeMail(to: string, newEmail: string): OutgoingMail {
  return composeMail(to, {
    title: "Your email address is about to change",
    paragraphs: [
      `Someone signed in to your account asked to change its email address to ${newEmail}. It changes only when that address confirms.`,
      "If this was not you, change your password now: that also signs every other session out.",
    ],
    reason: "A change of your account's email address was requested.",
  });
}

/** To an address already in use, instead of a confirmation link: the requester learns nothing. */
export function emailInUseMail(to: string): OutgoingMail {
  return composeMail(to, {
    title: "Someone tried to use your address",
    paragraphs: [
      "Someone signed in to another account asked to change its email address to this one. This address already belongs to your account, so nothing was changed.",
    ],
    reason: "Someone entered this address as their new email address.",
  });
}
