import { getIronSession } from "iron-session";
import { cookies } from "next/headers";

export const dynamic = "force-dynamic";

interface Data {
  uid?: string;
  lastSeenAt?: number;
}

const password = { "1": process.env.SESSION_SECRET ?? "" };
const cookieName = process.env.BENCH_COOKIE_NAME ?? "__Host-iron-gate-session";

/**
 * The naive session check B is compared with: unseal the cookie on every request, look at one field.
 * No database, no revocation, no limits, no CSRF, no log line.
 */
export async function GET(): Promise<Response> {
  const session = await getIronSession<Data>(await cookies(), { password, cookieName });
  if (!session.uid) return Response.json({ user: null }, { status: 401 });
  return Response.json({ user: { id: session.uid }, lastSeenAt: session.lastSeenAt });
}
