import { stopOnSignals } from "@/lib/auth/hash-pool-shutdown";
import { db } from "@/lib/db/database";
import { mailConfig } from "./mail-config";
import { startMailSender } from "./mail-sender";
import { createMailTransport } from "./mail-transport";

const holder = globalThis as typeof globalThis & { __ironGateMailSenderStarted?: boolean };

/** Starts this process's background sender once (instrumentation.ts); it stops on SIGTERM like the hash pool. */
export function startBackgroundMail(): void {
  if (holder.__ironGateMailSenderStarted) return;
  holder.__ironGateMailSenderStarted = true;
  const config = mailConfig();
  const sender = startMailSender(db, createMailTransport(config.delivery, config.from), config);
  stopOnSignals(() => sender.stop());
}
