import type { ReactNode } from "react";
import { announce } from "./session/session-channel";

/** The Pages Router page's sign-out: through the `withSessionRoute` API route (server actions are App Router only). */
export function PagesSignOutButton(): ReactNode {
  const signOut = async (): Promise<void> => {
    const response = await fetch("/api/pages-router/session", { method: "DELETE" });
    if (!response.ok) return; // the button stays: the person can try again
    announce({ type: "signed-out" });
    window.location.replace("/login?reason=signed-out");
  };
  return (
    <button
      type="button"
      onClick={() => void signOut()}
      className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
    >
      Sign out
    </button>
  );
}
