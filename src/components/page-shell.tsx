import type { ReactNode } from "react";
import type { PublicUser } from "@/lib/users/user";
import { SiteHeader } from "./site-header";

/** The frame of every page: header, then a centred column. */
export function PageShell({ user, children }: { user: PublicUser | null; children: ReactNode }): ReactNode {
  return (
    <>
      <SiteHeader user={user} />
      <main className="mx-auto max-w-3xl px-4 py-10">{children}</main>
    </>
  );
}

/** A narrow card for the sign-in and sign-up forms. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }): ReactNode {
  return (
    <div className="mx-auto max-w-md rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 className="mb-6 text-2xl font-bold tracking-tight">{title}</h1>
      {children}
    </div>
  );
}
