import type { Metadata } from "next";
import type { ReactNode } from "react";
import { revokeOthersAction, signOutEverywhereAction } from "@/app/actions/account-actions";
import { LocalTime } from "@/components/local-time";
import { PageShell } from "@/components/page-shell";
import { recentEvents } from "@/lib/audit/audit-log";
import { requireSession } from "@/lib/session/current-user";
import { isStepUpAction } from "@/lib/session/step-up-action";
import { displayName } from "@/lib/users/user";
import { ChangePasswordForm } from "./change-password-form";
import { ConfirmStep } from "./confirm-step";
import { RecentEvents } from "./recent-events";
import { StepUpButton } from "./step-up-button";
import { StepUpProvider } from "./step-up-dialog";

export const metadata: Metadata = { title: "Account" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const card = "rounded-2xl border border-slate-200 bg-white p-6";
// A Map, so a `done` such as `toString` finds nothing.
const DONE = new Map([
  ["revoked-others", "Your other sessions were signed out."],
  ["confirmed", "Password confirmed. You can change it now."],
]);

export default async function AccountPage({ searchParams }: Props): Promise<ReactNode> {
  const session = await requireSession("/account");
  const { done, confirm } = await searchParams;
  const notice = typeof done === "string" ? DONE.get(done) : undefined;
  const events = await recentEvents(session.user.id);
  return (
    <PageShell session={session}>
      <StepUpProvider>
        <h1 className="text-3xl font-bold tracking-tight">Your account</h1>
        <p className="mt-2 text-slate-700">{displayName(session.user)}</p>
        {notice ? (
          <p role="status" className="mt-4 rounded-lg bg-emerald-50 px-3 py-2 text-emerald-900">
            {notice}
          </p>
        ) : null}
        {isStepUpAction(confirm) ? <ConfirmStep action={confirm} /> : null}
        <section className={`mt-6 ${card}`} aria-labelledby="this-session">
          <h2 id="this-session" className="font-semibold">
            This session
          </h2>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm" data-testid="session-times">
            <dt className="text-slate-600">Signed in</dt>
            <dd>
              <LocalTime ms={session.data.authenticatedAt} />
            </dd>
            <dt className="text-slate-600">Ends if idle</dt>
            <dd>
              <LocalTime ms={session.idleExpiresAt} />
            </dd>
            <dt className="text-slate-600">Ends at the latest</dt>
            <dd>
              <LocalTime ms={session.absoluteExpiresAt} />
            </dd>
          </dl>
          <div className="mt-5 flex flex-wrap gap-3">
            <StepUpButton
              action={revokeOthersAction}
              request={{ method: "POST", path: "/api/sessions/revoke-others" }}
              doneUrl="/account?done=revoked-others"
            >
              Sign out everywhere else
            </StepUpButton>
            <StepUpButton
              action={signOutEverywhereAction}
              request={{ method: "DELETE", path: "/api/sessions?scope=all" }}
              doneUrl="/login?reason=signed-out-everywhere"
            >
              Sign out everywhere
            </StepUpButton>
          </div>
        </section>
        <section className={`mt-6 ${card}`} aria-labelledby="activity">
          <h2 id="activity" className="mb-3 font-semibold">
            Recent activity
          </h2>
          <RecentEvents events={events} />
        </section>
        <section className={`mt-6 ${card}`} aria-labelledby="password">
          <h2 id="password" className="mb-4 font-semibold">
            Change password
          </h2>
          <ChangePasswordForm />
        </section>
      </StepUpProvider>
    </PageShell>
  );
}
