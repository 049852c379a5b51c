import type { Metadata } from "next";
import type { ReactNode } from "react";
import { PageShell } from "@/components/page-shell";
import { requireSession } from "@/lib/session/for-pages";
import { displayName } from "@/lib/users/user";

export const metadata: Metadata = { title: "Private" };

export default async function PrivatePage(): Promise<ReactNode> {
  const session = await requireSession("/private");
  const { user } = session;
  return (
    <PageShell session={session}>
      <h1 className="text-3xl font-bold tracking-tight">Hello {displayName(user)}</h1>
      <section
        className="mt-6 rounded-2xl border border-emerald-200 bg-emerald-50 p-6 dark:border-emerald-800 dark:bg-emerald-950"
        aria-labelledby="secret"
      >
        <h2 id="secret" className="font-semibold text-emerald-900 dark:text-emerald-100">
          Secret content
        </h2>
        <p className="mt-2 text-emerald-900 dark:text-emerald-100" data-testid="secret-content">
          Only signed-in users can read this. The server checked your sealed cookie and your account before rendering
          it.
        </p>
      </section>
    </PageShell>
  );
}
