import { env } from "@/lib/config/env";
import type { Db } from "@/lib/db/database";
import { purgeDue } from "@/lib/db/purge-schedule";

/** Drops events older than `AUDIT_RETENTION`, at most once an hour per process. */
export async function purgeOldEvents(database: Db, now = Date.now()): Promise<void> {
  if (!purgeDue("auth_events", now)) return;
  await database
    .deleteFrom("authEvents")
    .where("at", "<", now - env().AUDIT_RETENTION)
    .execute();
}
