import { ping, reader } from "@/lib/db/database";
import { json, jsonError, methodNotAllowed } from "@/lib/http/api-response";
import { unsealErrorCounts } from "@/lib/session/session-options";

/**
 * 200 when the database answers, 503 otherwise: for load balancers and test harnesses. Also counts the
 * session cookies this process could not read, by reason (R24).
 */
export async function GET(): Promise<Response> {
  const healthy = await reader().then(ping, () => false);
  if (healthy) return json({ ok: true, sessionCookiesRejected: unsealErrorCounts() });
  return jsonError(503, "service_unavailable", "The database is not answering.", { headers: { "Retry-After": "5" } });
}

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
