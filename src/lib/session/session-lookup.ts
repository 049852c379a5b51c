import { reader, sessionCache } from "@/lib/db/database";
import { type FoundSession, findUserForSession } from "@/lib/users/user-repository";

/**
 * What the session check reads for this `uid` and `sid`: from the revocation cache while its feed says
 * nothing can have changed since the entry's query started (`revocation-cache.ts`), from the database
 * otherwise. The stamp is taken before the query: an answer that a change overtook is never stored as current.
 * Only found sessions are cached; the check (`check-session.ts`) still decides on whatever comes back.
 */
export async function lookupSession(uid: string, sid: string, now = Date.now()): Promise<FoundSession | null> {
  const { cache, feed } = await sessionCache();
  const token = feed.token();
  const hit = cache.get(uid, sid, token, now);
  if (hit) return hit;
  const stamp = cache.stamp(token);
  const found = await findUserForSession(await reader(), uid, sid);
  if (found) cache.fill(uid, sid, found, stamp, now);
  return found;
}
