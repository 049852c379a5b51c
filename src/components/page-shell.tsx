import type { ReactNode } from "react";
import { env } from "@/lib/config/env";
import type { ActiveSession } from "@/lib/session/resolve-session";
import { SessionWatcher } from "./session/session-watcher";
import { SiteHeader } from "./site-header";

/** The frame of every page: header, the session watcher when signed in, then a centred column. */
export function PageShell({ session, children }: { session: ActiveSession | null; children: ReactNode }): ReactNode {
  return (
    <>
      {session ? (
        <SessionWatcher
          initial={{
            idleExpiresAt: session.idleExpiresAt,
            absoluteExpiresAt: session.absoluteExpiresAt,
            serverNow: Date.now(),
          }}
          warningMs={env().SESSION_WARNING}
        />
      ) : null}
      <SiteHeader user={session?.user ?? null} />
      <main className="mx-auto max-w-3xl px-4 py-10">{children}</main>
    </>
  );
}

/** A narrow card for the sign-in and sign-up forms. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }): ReactNode {
  return (
    <div className="mx-auto max-w-md rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 className="mb-6 text-2xl font-bold tracking-tight">{title}</h1>
      {children}
    </div>
  );
}
