import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { PageShell } from "@/components/page-shell";
import { link } from "@/components/styles";
import { checkPageSession } from "@/lib/session/for-pages";

export const metadata: Metadata = { title: "Not allowed" };

/**
 * The 403 page (`forbidden()`, the admin area for someone who is not an admin). Only pages that already
 * verified a session get here, so the header reads the same cached check.
 */
export default async function Forbidden(): Promise<ReactNode> {
  await connection();
  const check = await checkPageSession();
  const session = check.status === "active" ? check : null;
  return (
    <PageShell session={session}>
      <h1 className="text-3xl font-bold tracking-tight">Not allowed</h1>
      <p className="mt-4 text-slate-700 dark:text-slate-300">
        {session ? "Your account cannot open this page: it is for admins only." : "This page is for admins only."}{" "}
        <Link href="/" className={link}>
          Go to the home page
        </Link>
        .
      </p>
    </PageShell>
  );
}
