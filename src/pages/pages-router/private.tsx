import Head from "next/head";
import Link from "next/link";
import type { ReactNode } from "react";
import { PagesSignOutButton } from "@/components/pages-sign-out-button";
import { ShellFrame, type ShellSession } from "@/components/shell-frame";
import { link } from "@/components/styles";
import { env } from "@/lib/config/env";
import { loginUrl } from "@/lib/session/login-url";
import { withSessionSsr } from "@/lib/session/pages-router";
import { displayName } from "@/lib/users/user";
import { CHECK_EMAIL_PATH, mustVerifyFirst, verificationMode } from "@/lib/verification/verification-gate";

type Props = ShellSession;

/** A Pages Router page guarded by `withSessionSsr`, the tutorial's `/private` for Pages Router apps. */
export const getServerSideProps = withSessionSsr<Props>(async ({ req, res, resolvedUrl }) => {
  res.setHeader("Cache-Control", "no-store");
  if (!req.user || !req.expiries) {
    return { redirect: { destination: loginUrl(resolvedUrl, req.signedOutReason), permanent: false } };
  }
  if (mustVerifyFirst(verificationMode(), req.emailVerified)) {
    return { redirect: { destination: CHECK_EMAIL_PATH, permanent: false } };
  }
  return { props: { user: req.user, expiries: req.expiries, warningMs: env().SESSION_WARNING } };
});

/** The same frame as the App Router pages: header, navigation, session watcher, a title of its own. */
export default function PagesRouterPrivate(session: Props): ReactNode {
  return (
    <ShellFrame session={session} signOut={<PagesSignOutButton />}>
      <Head>
        <title>Private (Pages Router) · Iron Gate</title>
      </Head>
      <h1 className="text-3xl font-bold tracking-tight">Hello {displayName(session.user)}</h1>
      <p className="mt-4" data-testid="secret-content">
        Pages Router secret content, rendered by getServerSideProps behind withSessionSsr.
      </p>
      <p className="mt-6">
        <Link href="/private" className={link}>
          Back to the App Router page
        </Link>
      </p>
    </ShellFrame>
  );
}
