import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/database";
import type { Trx } from "@/lib/db/transaction";
import type { OutgoingMail } from "./outgoing-mail";

export type { OutgoingMail } from "./outgoing-mail";

/**
 * Writes `mail` to `mail_outbox` in the caller's transaction: it is sent (by the background sender,
 * mail-sender.ts) only if the change that caused it commits, and a request never waits for SMTP.
 */
export async function enqueueMail(db: Db | Trx, mail: OutgoingMail, now: number = Date.now()): Promise<void> {
  await db
    .insertInto("mailOutbox")
    .values({
      id: randomUUID(),
      recipient: mail.to,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html,
      reason: mail.reason,
      createdAt: now,
      nextAttemptAt: now,
    })
    .execute();
}
