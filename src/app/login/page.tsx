import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AuthCard, PageShell } from "@/components/page-shell";
import { safeRedirect } from "@/lib/auth/safe-redirect";
import { getCurrentUser } from "@/lib/session/current-user";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Log in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props): Promise<ReactNode> {
  const { next } = await searchParams;
  const destination = safeRedirect(next);
  if (await getCurrentUser()) redirect(destination);
  return (
    <PageShell user={null}>
      <AuthCard title="Log in">
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
