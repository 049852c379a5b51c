import Link from "next/link";
import type { ReactNode } from "react";
import { displayName, type PublicUser } from "@/lib/users/user";

/**
 * The top bar: where you are, who you are, and the way out. `signOut` is the router's own sign-out control
 * (a server action in the App Router, a form to the API route in the Pages Router).
 */
export function SiteHeader({ user, signOut }: { user: PublicUser | null; signOut: ReactNode }): ReactNode {
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav aria-label="Main" className="mx-auto flex max-w-3xl flex-wrap items-center gap-4 px-4 py-3">
        <Link href="/" className="mr-auto text-lg font-bold tracking-tight text-brand-700">
          Iron Gate
        </Link>
        {user ? (
          <>
            <Link href="/private" className="text-sm font-medium hover:underline">
              Private
            </Link>
            <Link href="/account" className="text-sm font-medium hover:underline">
              Account
            </Link>
            <span className="text-sm text-slate-600" data-testid="signed-in-as">
              {displayName(user)}
            </span>
            {signOut}
          </>
        ) : (
          <>
            <Link href="/login" className="text-sm font-medium hover:underline">
              Log in
            </Link>
            <Link href="/signup" className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white">
              Sign up
            </Link>
          </>
        )}
      </nav>
    </header>
  );
}
