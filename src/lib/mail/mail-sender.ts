import type { Db } from "@/lib/db/database";
import { log } from "@/lib/log/logger";
import { afterFailure, describeFailure } from "./delivery-retry";
import type { RetryPolicy } from "./mail-config";
import type { MailTransport } from "./mail-transport";
import { type ClaimedMail, claimDueMail, markFailed, markSent, releaseClaims } from "./outbox-claims";

export interface MailSender {
  /** Delivers what is due now, then returns (tests; the loop calls it on every tick). */
  runOnce(): Promise<void>;
  /** No new claims; waits for the message being sent, hands the rest of its batch back. */
  stop(): Promise<void>;
}

export interface SenderOptions {
  retry: RetryPolicy;
  pollIntervalMs: number;
  batchSize?: number;
  /** Longer than a batch can take (SMTP timeouts of mail-transport.ts); a dead sender's claims lapse after it. */
  leaseMs?: number;
  /** False: no timer, only `runOnce` calls (a caller that drives it, such as a test). */
  loop?: boolean;
}

/**
 * The background sender: every `pollIntervalMs` it claims due messages (outbox-claims.ts) and sends them one
 * by one; a failure is retried with backoff (delivery-retry.ts) or given up, and logged. Several instances
 * can run on one database: a claim is exclusive, so a message is sent once. Only a sender that dies between
 * sending and recording the send can cause a second delivery, after its lease lapses.
 */
export function startMailSender(
  database: () => Promise<Db>,
  transport: MailTransport,
  options: SenderOptions,
): MailSender {
  const { batchSize = 10, leaseMs = 10 * 60_000, loop = true } = options;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  async function deliver(db: Db, mail: ClaimedMail): Promise<void> {
    try {
      await transport.send(mail);
    } catch (error) {
      const attempts = mail.attempts + 1;
      const next = afterFailure(attempts, error, options.retry, Date.now());
      const line = describeFailure(error);
      await markFailed(db, mail.id, { error: line, retryAt: next.kind === "retry" ? next.at : null });
      log.error("mail_delivery_failed", { id: mail.id, attempts, willRetry: next.kind === "retry", error: line });
      return;
    }
    await markSent(db, mail.id, !transport.keepsBodies);
    log.info("mail_sent", { id: mail.id });
  }

  async function runOnce(): Promise<void> {
    const db = await database();
    while (!stopping) {
      const batch = await claimDueMail(db, { limit: batchSize, leaseMs });
      for (const [index, mail] of batch.entries()) {
        if (stopping) {
          await releaseClaims(
            db,
            batch.slice(index).map((rest) => rest.id),
          );
          return;
        }
        await deliver(db, mail);
      }
      if (batch.length < batchSize) return;
    }
  }

  function tick(): void {
    current = runOnce()
      .catch((error: unknown) => log.error("mail_sender_failed", { error: describeFailure(error) }))
      .finally(() => {
        if (!stopping) timer = setTimeout(tick, options.pollIntervalMs).unref();
      });
  }
  if (loop) timer = setTimeout(tick, 0).unref();

  return {
    runOnce,
    stop: async () => {
      stopping = true;
      clearTimeout(timer);
      await current;
      transport.close();
    },
  };
}
