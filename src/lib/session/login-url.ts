/** The login page for someone sent back from `returnTo`, saying why when there is a reason (`none` is none). */
export function loginUrl(returnTo: string, reason: string): string {
  const query = new URLSearchParams({ next: returnTo });
  if (reason !== "none") query.set("reason", reason);
  return `/login?${query}`;
}

/** Where a browser goes once its account was deleted: the login page says so. */
export const ACCOUNT_DELETED_URL = "/login?reason=account-deleted";
