import type { FormEvent, ReactNode } from "react";
import { announce } from "./session/session-channel";
import { smallButton } from "./styles";

const ROUTE = "/api/pages-router/session";

/**
 * The Pages Router page's sign-out, through the `withSessionRoute` API route (server actions are App Router
 * only). A real form, so it works without JavaScript (R18): the route answers a form post with a redirect to
 * the login page. With JavaScript, a DELETE instead, so the other tabs hear of it before the page leaves.
 */
export function PagesSignOutButton(): ReactNode {
  const signOut = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const response = await fetch(ROUTE, { method: "DELETE" });
    if (!response.ok) return; // the button stays: the person can try again
    announce({ type: "signed-out" });
    window.location.replace("/login?reason=signed-out");
  };
  return (
    <form method="post" action={ROUTE} onSubmit={(event) => void signOut(event)}>
      <button type="submit" className={smallButton}>
        Sign out
      </button>
    </form>
  );
}
