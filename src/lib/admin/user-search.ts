import { z } from "zod";
import type { FieldErrors } from "@/lib/http/api-response";
import { fieldErrors } from "@/lib/http/read-json";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
export const MAX_QUERY_LENGTH = 200;

/** One page of the admin user list: what to look for (email or name), which page, how many per page. */
export interface UserSearch {
  query: string;
  page: number;
  pageSize: number;
}

const whole = (label: string, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, `${label} must be a whole number from 1 to ${max}.`)
    .transform(Number)
    .pipe(z.number().min(1, `${label} must be at least 1.`).max(max, `${label} must be at most ${max}.`));

const UserSearchSchema = z.object({
  query: z
    .string()
    .max(MAX_QUERY_LENGTH, `query must be at most ${MAX_QUERY_LENGTH} characters.`)
    .transform((query) => query.trim()),
  page: whole("page", 1_000_000),
  pageSize: whole("pageSize", MAX_PAGE_SIZE),
});

export type ParsedSearch = { ok: true; search: UserSearch } | { ok: false; fields: FieldErrors };

/**
 * Pure: `?query=&page=&pageSize=` to a search. Missing or empty values take the defaults; anything else that is
 * not a bounded whole number is refused with a message per parameter (400 upstream). A parameter given twice
 * is refused too: which one counts would be a guess.
 */
export function parseUserSearch(params: URLSearchParams): ParsedSearch {
  const fields: FieldErrors = {};
  const one = (key: string, fallback: string): string => {
    const values = params.getAll(key);
    if (values.length > 1) fields[key] = `give ${key} once.`;
    const value = values[0];
    return value === undefined || value === "" ? fallback : value;
  };
  const raw = { query: one("query", ""), page: one("page", "1"), pageSize: one("pageSize", String(DEFAULT_PAGE_SIZE)) };
  const parsed = UserSearchSchema.safeParse(raw);
  if (!parsed.success) Object.assign(fields, fieldErrors(parsed.error), fields);
  if (!parsed.success || Object.keys(fields).length > 0) return { ok: false, fields };
  return { ok: true, search: parsed.data };
}

/**
 * Pure: a LIKE pattern that finds `query` anywhere, lower-cased, with `\`, `%` and `_` escaped (the query uses
 * `ESCAPE '\'`, which SQLite and PostgreSQL read the same), so `100%` matches only a literal `100%`.
 */
export function containsPattern(query: string): string {
  return `%${query.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** Pure: the number of pages `total` rows fill, at least one (an empty list is one empty page). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
