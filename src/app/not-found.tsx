import Link from "next/link";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { PageShell } from "@/components/page-shell";

/** Rendered per request (not prerendered), so that its scripts carry this response's CSP nonce. */
export default async function NotFound(): Promise<ReactNode> {
  await connection();
  return (
    <PageShell session={null}>
      <h1 className="text-3xl font-bold tracking-tight">Page not found</h1>
      <p className="mt-4 text-slate-700">
        There is nothing at this address.{" "}
        <Link href="/" className="font-medium text-brand-700 underline">
          Go to the home page
        </Link>
        .
      </p>
    </PageShell>
  );
}
