import { env } from "@/lib/config/env";
import { appOrigin } from "./app-url";

export type MailDelivery =
  | { kind: "smtp"; url: string }
  /** Development without `SMTP_URL`: one log line per message, read them at /dev/mail. */
  | { kind: "dev_outbox" };

export interface MailConfig {
  delivery: MailDelivery;
  from: string;
  retry: RetryPolicy;
  pollIntervalMs: number;
}

export interface RetryPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  /** Attempts before a message is given up (and its body scrubbed). */
  maxAttempts: number;
}

export function mailConfig(): MailConfig {
  const e = env();
  return {
    delivery: e.SMTP_URL ? { kind: "smtp", url: e.SMTP_URL } : { kind: "dev_outbox" },
    from: e.MAIL_FROM ?? `${e.APP_NAME.replace(/[<>"]/g, "")} <no-reply@${new URL(appOrigin()).hostname}>`,
    retry: { baseDelayMs: e.MAIL_RETRY_BASE_DELAY, maxDelayMs: e.MAIL_RETRY_MAX_DELAY, maxAttempts: 12 },
    pollIntervalMs: e.MAIL_POLL_INTERVAL,
  };
}
