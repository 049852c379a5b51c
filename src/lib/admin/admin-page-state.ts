import { isAdminCommand } from "./admin-commands";
import type { AdminPageState } from "./admin-url";
import { MAX_QUERY_LENGTH } from "./user-search";

type RawParams = Record<string, string | string[] | undefined>;

/** The admin page's state with the list's search and page always set. */
export type AdminPage = AdminPageState & { query: string; page: number };

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

const PASSWORD_STATES = ["needed", "wrong", "throttled"] as const;
const ERRORS = ["not_found", "last_admin"] as const;

function oneOf<T extends string>(options: readonly T[], value: string | undefined): T | undefined {
  return options.find((option) => option === value);
}

/**
 * Pure: the page's address to its state. Lenient where the API is strict: a page is for people, so an odd
 * parameter is dropped (a page number that is not one is page 1) instead of answered with an error.
 */
export function readAdminPageState(params: RawParams): AdminPage {
  const query = (first(params.query) ?? "").trim().slice(0, MAX_QUERY_LENGTH);
  const pageText = first(params.page) ?? "";
  const page = /^\d{1,6}$/.test(pageText) && Number(pageText) > 0 ? Number(pageText) : 1;
  const state: AdminPage = { query, page };
  const user = first(params.user);
  if (user) state.user = user;
  const confirm = first(params.confirm);
  if (isAdminCommand(confirm)) state.confirm = confirm;
  const done = first(params.done);
  if (isAdminCommand(done)) state.done = done;
  const password = oneOf(PASSWORD_STATES, first(params.password));
  if (password) state.password = password;
  const error = oneOf(ERRORS, first(params.error));
  if (error) state.error = error;
  return state;
}
