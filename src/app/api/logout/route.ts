import { methodNotAllowed } from "@/lib/http/api-response";
import { signOutHandler } from "@/lib/session/sign-out";

/** The tutorial's logout endpoint; the same as `DELETE /api/sessions`. */
export const POST = signOutHandler;

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
