import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { AuthCard, PageShell } from "@/components/page-shell";
import { link } from "@/components/styles";
import { getCurrentUser } from "@/lib/session/for-pages";

export const metadata: Metadata = { title: "Email link", referrer: "no-referrer" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// A Map, so a `result` such as `toString` finds nothing.
const RESULTS = new Map([
  ["verified", { title: "Address confirmed", text: "Thank you: your email address is confirmed." }],
  [
    "changed",
    {
      title: "Email address changed",
      text: "Your account now uses the new address, and every session was signed out. Log in with the new address.",
    },
  ],
  [
    "taken",
    {
      title: "Address not changed",
      text: "That address is now used by another account, so yours was not changed. Ask for a change to another address.",
    },
  ],
  ["unavailable", { title: "Try again", text: "We could not check the link just now. Try it again in a moment." }],
]);

const INVALID = {
  title: "This link cannot be used",
  text: "It was used already, has expired, or a newer link replaced it. Ask for a new one after logging in.",
};

/** Where an emailed link lands (`/verify-email`, `/confirm-email`), its token already out of the address. */
export default async function EmailLinkPage({ searchParams }: Props): Promise<ReactNode> {
  const { result } = await searchParams;
  const shown = (typeof result === "string" ? RESULTS.get(result) : undefined) ?? INVALID;
  const user = await getCurrentUser();
  return (
    <PageShell session={null}>
      <AuthCard title={shown.title}>
        <p data-testid="email-link-result">{shown.text}</p>
        <p className="mt-6">
          <Link href={user ? "/private" : "/login"} className={link}>
            {user ? "Continue" : "Log in"}
          </Link>
        </p>
      </AuthCard>
    </PageShell>
  );
}
