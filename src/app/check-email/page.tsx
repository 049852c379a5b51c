import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AuthCard, PageShell } from "@/components/page-shell";
import { link, mutedText } from "@/components/styles";
import { ResendForm } from "@/components/verification/resend-form";
import { checkPageSession } from "@/lib/session/for-pages";

export const metadata: Metadata = { title: "Check your email" };

/**
 * "Check your email": after sign-up under `EMAIL_VERIFICATION=required` (nobody signed in; the same page for
 * a new and a taken address), and the only page an unverified signed-in user sees under `required`.
 */
export default async function CheckEmailPage(): Promise<ReactNode> {
  const session = await checkPageSession();
  if (session.status === "active" && session.emailVerified) redirect("/private");
  if (session.status !== "active") {
    return (
      <PageShell session={null}>
        <AuthCard title="Check your email">
          <p>If this address can be used, we sent a link to it. Follow the link to confirm it, then log in.</p>
          <p className={`mt-6 text-sm ${mutedText}`}>
            Confirmed already?{" "}
            <Link href="/login" className={link}>
              Log in
            </Link>
          </p>
        </AuthCard>
      </PageShell>
    );
  }
  return (
    <PageShell session={session} banner={false}>
      <AuthCard title="Check your email">
        <p className="break-words" data-testid="check-email">
          We sent a link to {session.user.email}. Follow it to confirm that the address is yours; until then this
          account can do nothing else.
        </p>
        <ResendForm />
      </AuthCard>
    </PageShell>
  );
}
