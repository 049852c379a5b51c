import type { ReactNode } from "react";
import { beginTotpAction } from "@/app/actions/second-factor-actions";
import { card, mutedText, secondaryButton } from "@/components/styles";
import { secondFactorStatus } from "@/lib/second-factor/enrolment";
import type { ActiveSession } from "@/lib/session/check-session";
import { stepUpOf } from "@/lib/session/step-up-guard";
import { SecondFactorPanel } from "./second-factor-panel";

/**
 * Two-step sign-in on the account page. The secret of an unfinished set-up is shown only while the
 * password confirmation is fresh (R61); every button goes through a step-up server action.
 */
export async function SecondFactorSection({ session }: { session: ActiveSession }): Promise<ReactNode> {
  const fresh = stepUpOf(session).status === "fresh";
  const status = await secondFactorStatus(session.user, fresh);
  return (
    <section id="second-factor" className={`mt-6 ${card}`} aria-labelledby="second-factor-title">
      <h2 id="second-factor-title" className="font-semibold">
        Two-step sign-in
      </h2>
      {status.totp === "off" ? (
        <>
          <p className={`mt-1 mb-4 text-sm ${mutedText}`}>
            Off. With an authenticator app, signing in needs your password and a code from your phone.
          </p>
          <form action={beginTotpAction}>
            <button type="submit" className={secondaryButton}>
              Set up an authenticator app
            </button>
          </form>
        </>
      ) : (
        <SecondFactorPanel status={status} />
      )}
    </section>
  );
}
