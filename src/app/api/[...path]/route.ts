import { jsonError } from "@/lib/http/api-response";

/** Any /api/ path no route serves: a JSON 404, like every other API answer (never the HTML page). */
function notFound(): Response {
  return jsonError(404, "not_found", "There is no API endpoint at this address.");
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
