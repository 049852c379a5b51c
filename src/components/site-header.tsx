import Link from "next/link";
import type { ReactNode } from "react";
import { displayName, type PublicUser } from "@/lib/users/user";

const navLink = "text-sm font-medium hover:underline";

/**
 * The top bar: where you are, who you are, and the way out. `signOut` is the router's own sign-out control
 * (a server action in the App Router, a form to the API route in the Pages Router). On a phone it stays one
 * line: tighter gaps, and the name (also on the account page) only from the `sm` width up.
 */
export function SiteHeader({ user, signOut }: { user: PublicUser | null; signOut: ReactNode }): ReactNode {
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <nav
        aria-label="Main"
        className="mx-auto flex max-w-3xl items-center gap-3 px-4 py-3 sm:gap-4"
        data-testid="site-nav"
      >
        <Link href="/" className="mr-auto text-lg font-bold tracking-tight text-brand-700 dark:text-brand-300">
          Iron Gate
        </Link>
        {user ? (
          <>
            <Link href="/private" className={navLink}>
              Private
            </Link>
            <Link href="/account" className={navLink}>
              Account
            </Link>
            {/* For admins only; the admin area checks again itself (the database, not this flag, decides). */}
            {user.isAdmin ? (
              <Link href="/admin" className={navLink}>
                Admin
              </Link>
            ) : null}
            <span
              className="hidden max-w-48 truncate text-sm text-slate-600 sm:inline dark:text-slate-400"
              data-testid="signed-in-as"
            >
              {displayName(user)}
            </span>
            {signOut}
          </>
        ) : (
          <>
            <Link href="/login" className={navLink}>
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
