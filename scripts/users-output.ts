import type { UserRecord } from "@/lib/users/user";

/** What `list` shows of a user: the public fields, never the hash or the session version. */
export interface ListedUser {
  id: string;
  email: string;
  name: string | null;
  isAdmin: boolean;
  createdAt: string;
}

export function listedUser(user: UserRecord): ListedUser {
  const { id, email, name, isAdmin, createdAt } = user;
  return { id, email, name, isAdmin, createdAt: new Date(createdAt).toISOString() };
}

const HEADER = ["EMAIL", "NAME", "ROLE", "CREATED"];

/** Pure: a table for people, a header row then one padded row per user. */
export function usersTable(users: ListedUser[]): string {
  if (users.length === 0) return "No users yet.";
  const rows = [HEADER, ...users.map((u) => [u.email, u.name ?? "-", u.isAdmin ? "admin" : "user", u.createdAt])];
  const widths = HEADER.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/** Pure: one JSON array for scripts (`list --json`), `[]` when there are no users. */
export function usersJson(users: ListedUser[]): string {
  return JSON.stringify(users, null, 2);
}
