import type { AdminCommand } from "./admin-commands";

/** The states of `/admin` a link or a redirect can name; the list's own search and page are kept. */
export interface AdminPageState {
  query?: string;
  page?: number;
  /** The user a confirmation, a notice or an error is about. */
  user?: string;
  confirm?: AdminCommand;
  /** The no-JavaScript step-up: the confirmation asks for the password (`needed`, `wrong`, `throttled`). */
  password?: "needed" | "wrong" | "throttled";
  done?: AdminCommand;
  error?: "not_found" | "last_admin";
}

/** Pure: the address of that state of the admin page, with only the parameters that say something. */
export function adminUrl(state: AdminPageState): string {
  const params = new URLSearchParams();
  if (state.query) params.set("query", state.query);
  if (state.page && state.page > 1) params.set("page", String(state.page));
  for (const key of ["user", "confirm", "password", "done", "error"] as const) {
    const value = state[key];
    if (value) params.set(key, value);
  }
  const search = params.toString();
  return search ? `/admin?${search}` : "/admin";
}
