import Link from "next/link";
import type { ReactNode } from "react";
import { PagesSignOutButton } from "@/components/pages-sign-out-button";
import type { Expiries } from "@/components/session/session-api";
import { SessionWatcher } from "@/components/session/session-watcher";
import { env } from "@/lib/config/env";
import { loginUrl } from "@/lib/session/login-url";
import { withSessionSsr } from "@/lib/session/pages-router";
import { displayName, type PublicUser } from "@/lib/users/user";

type Props = { user: PublicUser; expiries: Expiries; warningMs: number };

/** A Pages Router page guarded by `withSessionSsr`, the tutorial's `/private` for Pages Router apps. */
export const getServerSideProps = withSessionSsr<Props>(async ({ req, res, resolvedUrl }) => {
  res.setHeader("Cache-Control", "no-store");
  if (!req.user || !req.expiries) {
    return { redirect: { destination: loginUrl(resolvedUrl, "none"), permanent: false } };
  }
  return { props: { user: req.user, expiries: req.expiries, warningMs: env().SESSION_WARNING } };
});

export default function PagesRouterPrivate({ user, expiries, warningMs }: Props): ReactNode {
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <SessionWatcher initial={expiries} warningMs={warningMs} />
      <h1 className="text-3xl font-bold tracking-tight">Hello {displayName(user)}</h1>
      <p className="mt-4" data-testid="secret-content">
        Pages Router secret content, rendered by getServerSideProps behind withSessionSsr.
      </p>
      <div className="mt-6 flex items-center gap-4">
        <Link href="/private" className="text-brand-700 underline">
          Back to the App Router page
        </Link>
        <PagesSignOutButton />
      </div>
    </main>
  );
}
