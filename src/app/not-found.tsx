import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { PageShell } from "@/components/page-shell";
import { link } from "@/components/styles";
import { env } from "@/lib/config/env";
import { isUnavailable } from "@/lib/db/errors";
import { type ActiveSession, checkSession } from "@/lib/session/check-session";
import { onUnsealError, sessionCookieName } from "@/lib/session/session-options";
import { unsealCached } from "@/lib/session/unseal-cache";

export const metadata: Metadata = { title: "Page not found" };

/**
 * The session only for the header, read without any write: no audit row for an expired or forged cookie
 * (anyone can ask for a thousand missing addresses), and a database that cannot answer is "signed out".
 */
async function headerSession(): Promise<ActiveSession | null> {
  const seal = (await cookies()).get(sessionCookieName())?.value;
  if (!seal) return null;
  try {
    const check = await checkSession(await unsealCached(seal, env().sessionSecrets.passwords, onUnsealError));
    return check.status === "active" ? check : null;
  } catch (error) {
    if (isUnavailable(error)) return null;
    throw error;
  }
}

/** Rendered per request (not prerendered), so that its scripts carry this response's CSP nonce. */
export default async function NotFound(): Promise<ReactNode> {
  await connection();
  return (
    <PageShell session={await headerSession()}>
      <h1 className="text-3xl font-bold tracking-tight">Page not found</h1>
      <p className="mt-4 text-slate-700 dark:text-slate-300">
        There is nothing at this address.{" "}
        <Link href="/" className={link}>
          Go to the home page
        </Link>
        .
      </p>
    </PageShell>
  );
}
