import { deleteUserAsAdmin, updateUserAsAdmin } from "@/lib/admin/admin-actions";
import { adminRefusal, requireAdminApi } from "@/lib/admin/admin-api";
import { AdminPatchSchema, plausibleUserId } from "@/lib/admin/admin-schemas";
import { json, methodNotAllowed } from "@/lib/http/api-response";
import { apiRoute } from "@/lib/http/api-route";
import { currentRequestContext } from "@/lib/http/current-request";
import { readInput } from "@/lib/http/read-json";

type Context = { params: Promise<{ id: string }> };

/** `{isAdmin}` or `{disabled}` → 200 `{user}`; 404 unknown id, 409 `last_admin` (admins, after step-up). */
export const PATCH = apiRoute<Context>(async (request, { params }) => {
  const gate = await requireAdminApi({ stepUp: true });
  if (!gate.ok) return gate.response;
  const input = await readInput(request, AdminPatchSchema);
  if (!input.ok) return input.response;
  const { id } = await params;
  if (!plausibleUserId(id)) return adminRefusal({ ok: false, code: "not_found" });
  const result = await updateUserAsAdmin(gate.session, id, input.value, await currentRequestContext());
  return result.ok ? json({ user: result.user }) : adminRefusal(result);
});

/** Deletes the user and all of theirs in one transaction; 409 `last_admin` for the last active admin. */
export const DELETE = apiRoute<Context>(async (_request, { params }) => {
  const gate = await requireAdminApi({ stepUp: true });
  if (!gate.ok) return gate.response;
  const { id } = await params;
  if (!plausibleUserId(id)) return adminRefusal({ ok: false, code: "not_found" });
  const result = await deleteUserAsAdmin(gate.session, id, await currentRequestContext());
  return result.ok ? json({ ok: true }) : adminRefusal(result);
});

export const GET = methodNotAllowed(["PATCH", "DELETE"]);
export const POST = GET;
export const PUT = GET;
