import { adminGuardRefusal, requireAdminApi } from "@/lib/admin/admin-api";
import { listUsersAsAdmin } from "@/lib/admin/admin-queries";
import { parseUserSearch } from "@/lib/admin/user-search";
import { json, jsonError, methodNotAllowed } from "@/lib/http/api-response";
import { apiRoute } from "@/lib/http/api-route";

/** `?query=&page=&pageSize=`: one page of users, searched by email or name (admins only, issue 11 §5). */
export const GET = apiRoute(async (request) => {
  const gate = await requireAdminApi({ stepUp: false });
  if (!gate.ok) return gate.response;
  const search = parseUserSearch(new URL(request.url).searchParams);
  if (!search.ok) return jsonError(400, "invalid_input", "Some parameters need attention.", { fields: search.fields });
  const list = await listUsersAsAdmin(gate.session, search.search);
  if (!list.ok) return adminGuardRefusal(list);
  return json(list.page);
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
