import { ping, reader } from "@/lib/db/database";
import { json, jsonError, methodNotAllowed } from "@/lib/http/api-response";
import { type OutboxHealth, outboxHealth } from "@/lib/mail/outbox-claims";
import { unsealErrorCounts } from "@/lib/session/session-options";

/**
 * 200 when the database answers, 503 otherwise: for load balancers and test harnesses. Also counts the
 * session cookies this process could not read, by reason (R24), and the mail not delivered yet: `failing`
 * ones failed at least once, `failed` ones were given up (issue 12). Mail trouble never turns `ok` false:
 * the app still serves, and a load balancer must not take it out for a slow mail server.
 */
export async function GET(): Promise<Response> {
  const database = await reader().catch(() => null);
  const healthy = database !== null && (await ping(database));
  if (healthy) {
    const mail: OutboxHealth | null = await outboxHealth(database).catch(() => null);
    return json({ ok: true, sessionCookiesRejected: unsealErrorCounts(), mail });
  }
  return jsonError(503, "service_unavailable", "The database is not answering.", { headers: { "Retry-After": "5" } });
}

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
