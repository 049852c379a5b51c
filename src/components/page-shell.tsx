import type { ReactNode } from "react";
import { env } from "@/lib/config/env";
import type { ActiveSession } from "@/lib/session/check-session";
import { showsVerifyBanner, verificationMode } from "@/lib/verification/verification-gate";
import { ShellFrame } from "./shell-frame";
import { SignOutButton } from "./sign-out-button";
import { VerifyBanner } from "./verification/verify-banner";

/**
 * The App Router's frame of every page (see `ShellFrame`), with the server-action sign-out, and the "confirm
 * your email address" banner while the signed-in user's address is unverified (`banner={false}` where the
 * page itself is about that).
 */
export function PageShell({
  session,
  children,
  banner = true,
}: {
  session: ActiveSession | null;
  children: ReactNode;
  banner?: boolean;
}): ReactNode {
  const shell = session
    ? {
        user: session.user,
        expiries: {
          idleExpiresAt: session.idleExpiresAt,
          absoluteExpiresAt: session.absoluteExpiresAt,
          serverNow: Date.now(),
        },
        warningMs: env().SESSION_WARNING,
      }
    : null;
  return (
    <ShellFrame session={shell} signOut={<SignOutButton />}>
      {session && banner && showsVerifyBanner(verificationMode(), session.emailVerified) ? (
        <VerifyBanner email={session.user.email} />
      ) : null}
      {children}
    </ShellFrame>
  );
}

/** A narrow card for the sign-in and sign-up forms. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }): ReactNode {
  return (
    <div className="mx-auto max-w-md rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8 dark:border-slate-700 dark:bg-slate-900">
      <h1 className="mb-6 text-2xl font-bold tracking-tight">{title}</h1>
      {children}
    </div>
  );
}
