import type { ReactNode } from "react";
import { secondaryButton } from "@/components/styles";
import { MAX_QUERY_LENGTH } from "@/lib/admin/user-search";

/** A plain GET form: the search works without JavaScript and its result has an address of its own. */
export function SearchForm({ query }: { query: string }): ReactNode {
  return (
    <search className="mt-6 block">
      <form method="get" action="/admin" className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1 space-y-1.5">
          <label htmlFor="query" className="block text-sm font-medium text-slate-700 dark:text-slate-300">
            Search by email or name
          </label>
          <input
            id="query"
            name="query"
            type="search"
            defaultValue={query}
            maxLength={MAX_QUERY_LENGTH}
            className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100"
          />
        </div>
        <button type="submit" className={secondaryButton}>
          Search
        </button>
      </form>
    </search>
  );
}
