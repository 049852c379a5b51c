import Link from "next/link";
import type { ReactNode } from "react";
import { PageShell } from "@/components/page-shell";
import { card, link } from "@/components/styles";
import { checkPageSession } from "@/lib/session/for-pages";
import { displayName } from "@/lib/users/user";

export default async function HomePage(): Promise<ReactNode> {
  const check = await checkPageSession();
  const session = check.status === "active" ? check : null;
  const user = session?.user;
  return (
    <PageShell session={session}>
      <h1 className="text-3xl font-bold tracking-tight">Iron Gate</h1>
      <p className="mt-4 max-w-prose text-lg text-slate-700 dark:text-slate-300">
        Email and password sign-in for Next.js with stateless, sealed-cookie sessions: argon2id password hashes, an
        encrypted session cookie, and a server-side check on every protected request.
      </p>
      <div className={`mt-8 ${card}`} data-testid="session-state">
        {user ? (
          <p>
            You are signed in as <strong>{displayName(user)}</strong>.{" "}
            <Link href="/private" className={link}>
              Go to your private page
            </Link>
            .
          </p>
        ) : (
          <p>
            You are not signed in.{" "}
            <Link href="/login" className={link}>
              Log in
            </Link>{" "}
            or{" "}
            <Link href="/signup" className={link}>
              create an account
            </Link>
            .
          </p>
        )}
      </div>
    </PageShell>
  );
}
