import type { ReactNode } from "react";
import { signOutAction } from "@/app/actions/auth-actions";
import { smallButton } from "./styles";

/** A real form, so signing out works without JavaScript (R18: a logout control on every signed-in page). */
export function SignOutButton(): ReactNode {
  return (
    <form action={signOutAction}>
      <button type="submit" className={smallButton}>
        Sign out
      </button>
    </form>
  );
}
