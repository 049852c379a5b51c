import type { ReactNode } from "react";
import { ResendForm } from "./resend-form";

/** On every signed-in page while the address is unverified (`EMAIL_VERIFICATION` optional or required). */
export function VerifyBanner({ email }: { email: string }): ReactNode {
  return (
    <section
      aria-labelledby="verify-banner"
      data-testid="verify-banner"
      className="mb-6 rounded-2xl border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <h2 id="verify-banner" className="font-semibold">
        Confirm your email address
      </h2>
      <p className="mt-1 text-sm break-words">We sent a link to {email}. Follow it to confirm the address is yours.</p>
      <ResendForm />
    </section>
  );
}
