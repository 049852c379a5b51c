import type { Metadata } from "next";
import type { ReactNode } from "react";
import { LocalTime } from "@/components/local-time";
import { PageShell } from "@/components/page-shell";
import { card, mutedText } from "@/components/styles";
import { recentEvents } from "@/lib/audit/recent-events";
import { env } from "@/lib/config/env";
import { listDevices } from "@/lib/devices/devices";
import { requireSession } from "@/lib/session/for-pages";
import { amrOf } from "@/lib/session/session-data";
import { isStepUpAction } from "@/lib/session/step-up-action";
import { displayName } from "@/lib/users/user";
import { amrLabel } from "./amr-label";
import { ChangeEmailForm } from "./change-email-form";
import { ChangePasswordForm } from "./change-password-form";
import { ConfirmStep } from "./confirm-step";
import { DeleteAccountForm } from "./delete-account-form";
import { DeviceList } from "./device-list";
import { NameForm } from "./name-form";
import { PasskeysSection } from "./passkeys-section";
import { RecentEvents } from "./recent-events";
import { SecondFactorSection } from "./second-factor-section";
import { SessionActions } from "./session-actions";
import { SessionTimeline } from "./session-timeline";
import { StepUpProvider } from "./step-up-dialog";

export const metadata: Metadata = { title: "Account" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// A Map, so a `done` such as `toString` finds nothing.
const DONE = new Map([
  ["revoked-others", "Your other sessions were signed out."],
  ["confirmed", "Password confirmed. You can change it now."],
  ["name-saved", "Your name was saved."],
  ["confirmed-email", "Password confirmed. You can change your email address now."],
  ["email-changed", "Your email address was changed. Your other sessions were signed out."],
  ["confirmed-second-factor", "Password confirmed. You can change two-step sign-in now."],
  ["second-factor-off", "Two-step sign-in is off. We sent you an email about it."],
  ["passkey-added", "Passkey added. You can sign in with it now."],
  ["passkey-removed", "Passkey removed."],
  ["device-signed-out", "That device was signed out."],
  ["device-gone", "That device was already signed out."],
]);

export default async function AccountPage({ searchParams }: Props): Promise<ReactNode> {
  const session = await requireSession("/account");
  const { done, confirm } = await searchParams;
  const notice = typeof done === "string" ? DONE.get(done) : undefined;
  const events = await recentEvents(session.user.id);
  const devices = await listDevices(session);
  const times = {
    signedInAt: session.data.authenticatedAt,
    idleExpiresAt: session.idleExpiresAt,
    absoluteExpiresAt: session.absoluteExpiresAt,
  };
  return (
    <PageShell session={session}>
      <StepUpProvider>
        <h1 className="text-3xl font-bold tracking-tight">Your account</h1>
        <p className="mt-2 break-words text-slate-700 dark:text-slate-300">{displayName(session.user)}</p>
        {notice ? (
          <p
            role="status"
            className="mt-4 rounded-lg bg-emerald-50 px-3 py-2 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200"
          >
            {notice}
          </p>
        ) : null}
        {isStepUpAction(confirm) ? <ConfirmStep action={confirm} /> : null}
        <section className={`mt-6 ${card}`} aria-labelledby="your-name">
          <h2 id="your-name" className="mb-4 font-semibold">
            Your name
          </h2>
          <NameForm name={session.user.name ?? ""} />
        </section>
        <section className={`mt-6 ${card}`} aria-labelledby="this-session">
          <h2 id="this-session" className="font-semibold">
            This session
          </h2>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm" data-testid="session-times">
            <dt className={mutedText}>Signed in</dt>
            <dd>
              <LocalTime ms={times.signedInAt} />
            </dd>
            <dt className={mutedText}>Signed in with</dt>
            <dd data-testid="session-amr">{amrLabel(amrOf(session.data))}</dd>
            <dt className={mutedText}>Ends if idle</dt>
            <dd>
              <LocalTime ms={times.idleExpiresAt} />
            </dd>
            <dt className={mutedText}>Ends at the latest</dt>
            <dd>
              <LocalTime ms={times.absoluteExpiresAt} />
            </dd>
          </dl>
          <SessionTimeline initial={times} serverNow={Date.now()} />
          <SessionActions />
        </section>
        <section id="devices" className={`mt-6 ${card}`} aria-labelledby="devices-heading">
          <h2 id="devices-heading" className="mb-3 font-semibold">
            Your devices
          </h2>
          <DeviceList devices={devices} />
        </section>
        <section className={`mt-6 ${card}`} aria-labelledby="activity">
          <h2 id="activity" className="mb-3 font-semibold">
            Recent activity
          </h2>
          <RecentEvents events={events} />
        </section>
        <section className={`mt-6 ${card}`} aria-labelledby="email">
          <h2 id="email" className="mb-1 font-semibold">
            Email address
          </h2>
          <p className={`mb-4 text-sm break-words ${mutedText}`} data-testid="current-email">
            {session.user.email} ({session.emailVerified ? "confirmed" : "not confirmed yet"})
          </p>
          <ChangeEmailForm />
        </section>
        <SecondFactorSection session={session} />
        <PasskeysSection session={session} />
        <section className={`mt-6 ${card}`} aria-labelledby="password">
          <h2 id="password" className="mb-4 font-semibold">
            Change password
          </h2>
          <ChangePasswordForm email={session.user.email} name={session.user.name ?? ""} appName={env().APP_NAME} />
        </section>
        <section
          className="mt-6 rounded-2xl border border-red-300 bg-white p-6 dark:border-red-800 dark:bg-slate-900"
          aria-labelledby="delete-account-title"
        >
          <h2 id="delete-account-title" className="mb-1 font-semibold text-red-800 dark:text-red-300">
            Delete account
          </h2>
          <p className={`mb-4 text-sm ${mutedText}`}>Your account, its sessions and its settings, gone for good.</p>
          <DeleteAccountForm />
        </section>
      </StepUpProvider>
    </PageShell>
  );
}
