import { audit } from "@/lib/audit/audit-log";
import { db } from "@/lib/db/database";
import type { RequestContext } from "@/lib/http/request-context";
import type { PublicUser } from "@/lib/users/user";
import { setUserName } from "@/lib/users/user-name";

export type RenameResult = { ok: true; user: PublicUser } | { ok: false; code: "not_found" };

/**
 * Changes the signed-in user's display name (an already validated `UpdateAccountSchema` name) and records it
 * in the audit log (R45). The name itself is not logged: whether it was set or cleared is enough.
 */
export async function renameAccount(
  user: PublicUser,
  name: string | null,
  context: RequestContext,
): Promise<RenameResult> {
  const updated = await setUserName(await db(), user.id, name);
  if (!updated) return { ok: false, code: "not_found" };
  const detail = name === null ? "cleared" : "set";
  await audit({ event: "name_changed", outcome: "success", userId: user.id, detail }, context);
  return { ok: true, user: updated };
}
