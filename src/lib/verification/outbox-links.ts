import type { Db } from "@/lib/db/database";

/**
 * For the data-layer tests: the token of the newest outbox message to `to` that links to `path`, read out of
 * the message text as a recipient would (the outbox is the mail before the sender delivers it).
 */
export async function tokenInOutbox(db: Db, to: string, path: string): Promise<string | null> {
  const rows = await db
    .selectFrom("mailOutbox")
    .select(["textBody"])
    .where("recipient", "=", to)
    .orderBy("createdAt", "desc")
    .execute();
  for (const row of rows) {
    const match = row.textBody
      .match(/https?:\/\/\S+/g)
      ?.map((link) => new URL(link))
      .find((u) => u.pathname === path);
    const token = match?.searchParams.get("token");
    if (token) return token;
  }
  return null;
}

/** The subjects of the outbox messages to `to`, oldest first. */
export async function subjectsInOutbox(db: Db, to: string): Promise<string[]> {
  const rows = await db
    .selectFrom("mailOutbox")
    .select(["subject"])
    .where("recipient", "=", to)
    .orderBy("createdAt")
    .execute();
  return rows.map((row) => row.subject);
}
