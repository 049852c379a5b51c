import type { ReactNode } from "react";
import { signOutAction } from "@/app/actions/auth-actions";

/** A real form, so signing out works without JavaScript (R18: a logout control on every signed-in page). */
export function SignOutButton(): ReactNode {
  return (
    <form action={signOutAction}>
      <button
        type="submit"
        className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
      >
        Sign out
      </button>
    </form>
  );
}
