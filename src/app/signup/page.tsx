import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AuthCard, PageShell } from "@/components/page-shell";
import { link, mutedText } from "@/components/styles";
import { safeRedirect } from "@/lib/auth/safe-redirect";
import { env } from "@/lib/config/env";
import { getCurrentUser } from "@/lib/session/for-pages";
import { SignUpForm } from "./signup-form";

export const metadata: Metadata = { title: "Sign up" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignUpPage({ searchParams }: Props): Promise<ReactNode> {
  const { next } = await searchParams;
  const destination = safeRedirect(next);
  if (await getCurrentUser()) redirect(destination);
  return (
    <PageShell session={null}>
      <AuthCard title="Create your account">
        <SignUpForm next={destination} appName={env().APP_NAME} />
        <p className={`mt-6 text-sm ${mutedText}`}>
          Already have an account?{" "}
          <Link href={`/login?next=${encodeURIComponent(destination)}`} className={link}>
            Log in
          </Link>
        </p>
      </AuthCard>
    </PageShell>
  );
}
