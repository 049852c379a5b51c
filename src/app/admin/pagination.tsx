import type { ReactNode } from "react";
import { link, mutedText } from "@/components/styles";
import { adminUrl } from "@/lib/admin/admin-url";
import { pageCount } from "@/lib/admin/user-search";

type Props = { query: string; page: number; pageSize: number; total: number };

/** "Page 2 of 5", with links to the pages either side (plain links: no JavaScript needed). */
export function Pagination({ query, page, pageSize, total }: Props): ReactNode {
  const pages = pageCount(total, pageSize);
  return (
    <nav aria-label="Pages" className="mt-6 flex items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <a href={adminUrl({ query, page: page - 1 })} className={link} rel="prev">
          Previous page
        </a>
      ) : (
        <span />
      )}
      <span className={mutedText} data-testid="page-of">
        Page {Math.min(page, pages)} of {pages} · {total} {total === 1 ? "user" : "users"}
      </span>
      {page < pages ? (
        <a href={adminUrl({ query, page: page + 1 })} className={link} rel="next">
          Next page
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
