import { reader } from "@/lib/db/database";
import type { StoredEvent } from "./audit-event";

/** The user's latest events, newest first, for the account page. */
export async function recentEvents(userId: string, limit = 20): Promise<StoredEvent[]> {
  const rows = await (await reader())
    .selectFrom("authEvents")
    .select(["at", "event", "outcome", "ip", "userAgent", "detail"])
    .where("userId", "=", userId)
    .orderBy("at", "desc")
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, at: Number(row.at) }));
}
