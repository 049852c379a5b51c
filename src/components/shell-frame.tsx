import type { ReactNode } from "react";
import type { PublicUser } from "@/lib/users/user";
import type { Expiries } from "./session/session-api";
import { SessionWatcher } from "./session/session-watcher";
import { SiteHeader } from "./site-header";

export type ShellSession = { user: PublicUser; expiries: Expiries; warningMs: number };

/**
 * The frame of every page, for both routers: header, the session watcher when signed in, then a centred
 * column. Presentational only (no configuration, no server action), so Pages Router pages render it too;
 * each router brings its own sign-out control.
 */
export function ShellFrame({
  session,
  signOut,
  children,
}: {
  session: ShellSession | null;
  signOut: ReactNode;
  children: ReactNode;
}): ReactNode {
  return (
    <>
      {session ? <SessionWatcher initial={session.expiries} warningMs={session.warningMs} /> : null}
      <SiteHeader user={session?.user ?? null} signOut={signOut} />
      <main className="mx-auto max-w-3xl px-4 py-8 sm:py-10">{children}</main>
    </>
  );
}
