import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { AuthCard, PageShell } from "@/components/page-shell";
import { link, mutedText } from "@/components/styles";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };

/** Open to everyone: the answer is the same for any address (issue 12 §3). */
export default function ForgotPasswordPage(): ReactNode {
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
