import { signOutUserAsAdmin } from "@/lib/admin/admin-actions";
import { adminRefusal, requireAdminApi } from "@/lib/admin/admin-api";
import { plausibleUserId } from "@/lib/admin/admin-schemas";
import { json, methodNotAllowed } from "@/lib/http/api-response";
import { apiRoute } from "@/lib/http/api-route";
import { currentRequestContext } from "@/lib/http/current-request";

type Context = { params: Promise<{ id: string }> };

/** Ends every session of the user at once (admins, after step-up); 404 for an unknown id. */
export const POST = apiRoute<Context>(async (_request, { params }) => {
  const gate = await requireAdminApi({ stepUp: true });
  if (!gate.ok) return gate.response;
  const { id } = await params;
  if (!plausibleUserId(id)) return adminRefusal({ ok: false, code: "not_found" });
  const result = await signOutUserAsAdmin(gate.session, id, await currentRequestContext());
  return result.ok ? json({ ok: true }) : adminRefusal(result);
});

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
