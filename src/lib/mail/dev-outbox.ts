import type { Db } from "@/lib/db/database";

export interface DevMessage {
  id: string;
  to: string;
  subject: string;
  createdAt: number;
  status: "sent" | "pending" | "failed";
  text: string;
  links: string[];
}

/** The links of a text part: every http(s) URL in it. */
export function linksOf(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[^\s<>"]+/g) ?? [])];
}

/** The newest messages of the outbox, for /dev/mail (development only: the page 404s in production). */
export async function latestMessages(db: Db, limit = 50): Promise<DevMessage[]> {
  const rows = await db
    .selectFrom("mailOutbox")
    .select(["id", "recipient", "subject", "createdAt", "sentAt", "failedAt", "textBody"])
    .orderBy("createdAt", "desc")
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    to: row.recipient,
    subject: row.subject,
    createdAt: Number(row.createdAt),
    status: row.sentAt !== null ? "sent" : row.failedAt !== null ? "failed" : "pending",
    text: row.textBody,
    links: linksOf(row.textBody),
  }));
}
