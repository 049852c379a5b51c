import Link from "next/link";
import type { ReactNode } from "react";
import { withSessionSsr } from "@/lib/session/pages-router";
import { displayName, type PublicUser } from "@/lib/users/user";

type Props = { user: PublicUser };

/** A Pages Router page guarded by `withSessionSsr`, the tutorial's `/private` for Pages Router apps. */
export const getServerSideProps = withSessionSsr<Props>(async ({ req, res, resolvedUrl }) => {
  res.setHeader("Cache-Control", "no-store");
  if (!req.user) {
    return { redirect: { destination: `/login?next=${encodeURIComponent(resolvedUrl)}`, permanent: false } };
  }
  return { props: { user: req.user } };
});

export default function PagesRouterPrivate({ user }: Props): ReactNode {
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold tracking-tight">Hello {displayName(user)}</h1>
      <p className="mt-4" data-testid="secret-content">
        Pages Router secret content, rendered by getServerSideProps behind withSessionSsr.
      </p>
      <Link href="/private" className="mt-6 inline-block text-brand-700 underline">
        Back to the App Router page
      </Link>
    </main>
  );
}
