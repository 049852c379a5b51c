import type { Db } from "@/lib/db/database";
import type { PublicUser } from "./user";

/**
 * Sets (or, with null, clears) a user's display name; one statement, so there is nothing to half-write.
 * Returns the user as a client may see it, or null when the account no longer exists.
 */
export async function setUserName(db: Db, userId: string, name: string | null): Promise<PublicUser | null> {
  const row = await db
    .updateTable("users")
    .set({ name })
    .where("id", "=", userId)
    .returning(["id", "email", "name", "isAdmin"])
    .executeTakeFirst();
  return row ? { id: row.id, email: row.email, name: row.name, isAdmin: Boolean(row.isAdmin) } : null;
}
