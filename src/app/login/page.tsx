import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AuthCard, PageShell } from "@/components/page-shell";
import { AnnounceSignOut } from "@/components/session/announce-sign-out";
import { safeRedirect } from "@/lib/auth/safe-redirect";
import { getCurrentUser } from "@/lib/session/current-user";
import { LoginForm } from "./login-form";
import { logoutMessage } from "./logout-reason";

export const metadata: Metadata = { title: "Log in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props): Promise<ReactNode> {
  const { next, reason } = await searchParams;
  const notice = logoutMessage(reason, next);
  const destination = safeRedirect(next);
  if (await getCurrentUser()) redirect(destination);
  return (
    <PageShell session={null}>
      {reason === "signed-out" || reason === "signed-out-everywhere" ? <AnnounceSignOut /> : null}
      <AuthCard title="Log in">
        {notice ? (
          <p
            role="status"
            className="mb-5 rounded-lg bg-brand-50 px-3 py-2 text-sm text-slate-800"
            data-testid="logout-reason"
          >
            {notice}
          </p>
        ) : null}
        <LoginForm next={destination} />
        <p className="mt-6 text-sm text-slate-600">
          New here?{" "}
          <Link
            href={`/signup?next=${encodeURIComponent(destination)}`}
            className="font-medium text-brand-700 underline"
          >
            Create an account
          </Link>
        </p>
      </AuthCard>
    </PageShell>
  );
}
