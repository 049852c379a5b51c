import nodemailer from "nodemailer";
import { log } from "@/lib/log/logger";
import type { MailDelivery } from "./mail-config";
import type { ClaimedMail } from "./outbox-claims";

/** Where claimed messages go. `keepsBodies`: the dev outbox keeps sent bodies for /dev/mail. */
export interface MailTransport {
  send(mail: ClaimedMail): Promise<void>;
  keepsBodies: boolean;
  close(): void;
}

/** Seconds, not nodemailer's minutes: a hung server must not hold a claim for long (mail-sender.ts). */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

function smtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport({ url, ...SMTP_TIMEOUTS });
  return {
    keepsBodies: false,
    send: async (mail) => {
      await transporter.sendMail({
        from,
        to: mail.recipient,
        subject: mail.subject,
        text: mail.textBody,
        html: mail.htmlBody,
        // The outbox id names the message: a duplicate delivery would be visible as the same Message-ID.
        messageId: `<${mail.id}@outbox.iron-gate>`,
      });
    },
    close: () => transporter.close(),
  };
}

/** Development without SMTP: one line per message (subject and recipient, never its link), read at /dev/mail. */
const devOutbox: MailTransport = {
  keepsBodies: true,
  send: async (mail) => log.info("mail_dev_outbox", { subject: mail.subject, to: mail.recipient, see: "/dev/mail" }),
  close: () => {},
};

export function createMailTransport(delivery: MailDelivery, from: string): MailTransport {
  return delivery.kind === "smtp" ? smtpTransport(delivery.url, from) : devOutbox;
}
