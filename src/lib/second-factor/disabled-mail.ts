import type { RequestContext } from "@/lib/http/request-context";
import { composeMail } from "@/lib/mail/mail-layout";
import type { OutgoingMail } from "@/lib/mail/outgoing-mail";
import type { PublicUser } from "@/lib/users/user";

/** The notice that two-step sign-in was turned off: if it was not the owner, they learn it here. */
export function secondFactorDisabledMail(user: PublicUser, context: RequestContext): OutgoingMail {
  return composeMail(user.email, {
    title: "Two-step sign-in was turned off",
    paragraphs: [
      "The authenticator app and the recovery codes of your account were removed. Signing in now needs only your password.",
      `This was done from the address ${context.ip ?? "unknown"}. If it was not you, change your password and turn two-step sign-in on again.`,
    ],
    action: { label: "Open your account", url: "/account#second-factor" },
    reason: "You get this because a security setting of your account changed.",
  });
}
