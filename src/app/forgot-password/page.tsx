import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { AuthCard, PageShell } from "@/components/page-shell";
import { link, mutedText } from "@/components/styles";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };

/** Open to everyone: the answer is the same for any address (issue 12 §3). Per request, for the CSP nonce. */
export default async function ForgotPasswordPage(): Promise<ReactNode> {
  await connection();
  return (
    <PageShell session={null}>
      <AuthCard title="Forgot your password?">
        <ForgotPasswordForm />
        <p className={`mt-6 text-sm ${mutedText}`}>
          Remembered it?{" "}
          <Link href="/login" className={link}>
            Log in
          </Link>
        </p>
      </AuthCard>
    </PageShell>
  );
}
