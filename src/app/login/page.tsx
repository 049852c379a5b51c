import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AuthCard, PageShell } from "@/components/page-shell";
import { AnnounceSignOut } from "@/components/session/announce-sign-out";
import { link, mutedText } from "@/components/styles";
import { safeRedirect } from "@/lib/auth/safe-redirect";
import { getCurrentUser } from "@/lib/session/for-pages";
import { LoginForm } from "./login-form";
import { logoutMessage } from "./logout-reason";
import { PasskeySignIn } from "./passkey-sign-in";

export const metadata: Metadata = { title: "Log in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props): Promise<ReactNode> {
  const { next, reason } = await searchParams;
  const notice = logoutMessage(reason, next);
  const destination = safeRedirect(next);
  if (await getCurrentUser()) redirect(destination);
  return (
    <PageShell session={null}>
      {reason === "signed-out" || reason === "signed-out-everywhere" || reason === "account-deleted" ? (
        <AnnounceSignOut />
      ) : null}
      <AuthCard title="Log in">
        <LoginForm next={destination} notice={notice} />
        <PasskeySignIn next={destination} />
        <p className="mt-4 text-sm">
          <Link href="/forgot-password" className={link}>
            Forgot password?
          </Link>
        </p>
        <p className={`mt-6 text-sm ${mutedText}`}>
          New here?{" "}
          <Link href={`/signup?next=${encodeURIComponent(destination)}`} className={link}>
            Create an account
          </Link>
        </p>
      </AuthCard>
    </PageShell>
  );
}
