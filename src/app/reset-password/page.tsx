import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { AuthCard, PageShell } from "@/components/page-shell";
import { link, mutedText } from "@/components/styles";
import { RESET_LINK_DEAD_MESSAGE } from "@/lib/auth/password-reset-answers";
import { resetTokenOwner } from "@/lib/auth/password-reset-confirm";
import { resetTokenFromCookie } from "@/lib/auth/reset-token-read";
import { env } from "@/lib/config/env";
import { reader } from "@/lib/db/database";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password", referrer: "same-origin" };

/**
 * Reached through the emailed link, which the proxy turned into a cookie (reset-token-cookie.ts): the page
 * checks the token itself and shows the form only for a live one. `Referrer-Policy: same-origin`: no Referer
 * to other sites (the link's own URL, the one with the token, is answered with `no-referrer`).
 */
export default async function ResetPasswordPage(): Promise<ReactNode> {
  const token = await resetTokenFromCookie();
  const owner = token ? await resetTokenOwner(await reader(), token) : null;
  return (
    <PageShell session={null}>
      <AuthCard title="Choose a new password">
        {owner ? (
          <>
            <p className={`mb-5 text-sm ${mutedText}`}>
              For <span className="font-medium text-slate-900 dark:text-slate-100">{owner.email}</span>.
            </p>
            <ResetPasswordForm email={owner.email} name={owner.name ?? ""} appName={env().APP_NAME} />
          </>
        ) : (
          <p
            role="alert"
            className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
          >
            {RESET_LINK_DEAD_MESSAGE}
          </p>
        )}
        <p className={`mt-6 text-sm ${mutedText}`}>
          <Link href="/forgot-password" className={link}>
            Ask for a new link
          </Link>{" "}
          ·{" "}
          <Link href="/login" className={link}>
            Log in
          </Link>
        </p>
      </AuthCard>
    </PageShell>
  );
}
