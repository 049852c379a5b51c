import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import type { ReactNode } from "react";
import { StepUpProvider } from "@/app/account/step-up-dialog";
import { PageShell } from "@/components/page-shell";
import { SecondFactorRequired } from "@/components/second-factor-required";
import { readAdminPageState } from "@/lib/admin/admin-page-state";
import { listUsersAsAdmin } from "@/lib/admin/admin-queries";
import { DEFAULT_PAGE_SIZE } from "@/lib/admin/user-search";
import { requireSession } from "@/lib/session/for-pages";
import { PageNotice } from "./page-notice";
import { Pagination } from "./pagination";
import { SearchForm } from "./search-form";
import { UserList } from "./user-list";

export const metadata: Metadata = { title: "Admin" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The admin area (issue 11 §4): signed out → the login page; not an admin (as the database says now) → 403;
 * an admin signed in with a password alone while `ADMIN_REQUIRE_SECOND_FACTOR` is on → how to add a second
 * factor, instead of the list (issue 13 §3; `requireAdmin` decides, in `listUsersAsAdmin`).
 * Everything works without JavaScript: a GET search form, links to a confirmation step, server actions.
 */
export default async function AdminPage({ searchParams }: Props): Promise<ReactNode> {
  const session = await requireSession("/admin");
  const state = readAdminPageState(await searchParams);
  const list = await listUsersAsAdmin(session, { query: state.query, page: state.page, pageSize: DEFAULT_PAGE_SIZE });
  if (!list.ok && list.code === "second_factor_required") {
    return (
      <PageShell session={session}>
        <SecondFactorRequired />
      </PageShell>
    );
  }
  if (!list.ok) forbidden();
  const { users, total, page, pageSize } = list.page;
  return (
    <PageShell session={session}>
      <StepUpProvider>
        <h1 className="text-3xl font-bold tracking-tight">Users</h1>
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          Grant or revoke admin, disable, sign out or delete accounts. Each action asks first.
        </p>
        <PageNotice state={state} users={users} />
        <SearchForm query={state.query} />
        <UserList users={users} state={state} selfId={session.user.id} />
        <Pagination query={state.query} page={page} pageSize={pageSize} total={total} />
      </StepUpProvider>
    </PageShell>
  );
}
