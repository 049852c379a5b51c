import { after } from "next/server";
import { PasswordResetRequestSchema } from "@/lib/auth/auth-schemas";
import { RESET_REQUESTED_MESSAGE } from "@/lib/auth/password-reset-answers";
import { requestPasswordReset } from "@/lib/auth/password-reset-request";
import { db } from "@/lib/db/database";
import { json, methodNotAllowed } from "@/lib/http/api-response";
import { apiRoute } from "@/lib/http/api-route";
import { currentRequestContext } from "@/lib/http/current-request";
import { readInput } from "@/lib/http/read-json";

/**
 * `{email}` → 202 for every well-formed address, known or unknown, throttled or not: the same body and
 * headers, and the same work before the answer (password-reset-request.ts). A malformed address is a 400.
 */
export const POST = apiRoute(async (request) => {
  const input = await readInput(request, PasswordResetRequestSchema);
  if (!input.ok) return input.response;
  await requestPasswordReset(await db(), input.value.email, await currentRequestContext(), after);
  return json({ ok: true, message: RESET_REQUESTED_MESSAGE }, { status: 202 });
});

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
