import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AuthCard, PageShell } from "@/components/page-shell";
import { link } from "@/components/styles";
import { safeRedirect } from "@/lib/auth/safe-redirect";
import { readPending } from "@/lib/second-factor/pending-seal";
import { secondFactorMethods } from "@/lib/second-factor/second-factor-methods";
import { getCurrentUser } from "@/lib/session/for-pages";
import { SecondStepForm } from "./second-step-form";
import { SecondStepPasskey } from "./second-step-passkey";

export const metadata: Metadata = { title: "Two-step sign-in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The second step of a password sign-in: only with a live pending seal; it shows nothing of the account. */
export default async function SecondFactorPage({ searchParams }: Props): Promise<ReactNode> {
  const { next } = await searchParams;
  const destination = safeRedirect(next);
  if (await getCurrentUser()) redirect(destination);
  const pending = await readPending();
  const methods = pending ? await secondFactorMethods(pending.uid) : [];
  return (
    <PageShell session={null}>
      <AuthCard title="Two-step sign-in">
        {pending ? (
          <>
            <SecondStepForm next={destination} />
            {methods.includes("passkey") ? <SecondStepPasskey next={destination} /> : null}
          </>
        ) : (
          <p>
            Your sign-in waited too long for this step, or was finished already.{" "}
            <Link href={`/login?next=${encodeURIComponent(destination)}`} className={link}>
              Sign in again
            </Link>
          </p>
        )}
      </AuthCard>
    </PageShell>
  );
}
