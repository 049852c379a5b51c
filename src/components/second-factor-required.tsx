import Link from "next/link";
import type { ReactNode } from "react";
import { card, link } from "./styles";

/** What an admin signed in with a password alone sees in the admin area (`ADMIN_REQUIRE_SECOND_FACTOR`). */
export function SecondFactorRequired(): ReactNode {
  return (
    <section className={card} aria-labelledby="second-factor-required">
      <h1 id="second-factor-required" className="text-2xl font-bold tracking-tight">
        Two-step sign-in needed
      </h1>
      <p className="mt-3">
        The admin area is open only to sessions signed in with a second factor. Turn on two-step sign-in on{" "}
        <Link href="/account#second-factor" className={link}>
          your account page
        </Link>
        , then sign out and sign in again with your password and a code.
      </p>
    </section>
  );
}
