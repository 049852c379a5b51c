import type { ReactNode } from "react";
import { revokeOthersAction, signOutEverywhereAction } from "@/app/actions/account-actions";
import { mutedText } from "@/components/styles";
import { StepUpButton } from "./step-up-button";

/**
 * The two ways to end sessions, each saying what it does. The one that signs this device out too is red and
 * asks first: a `<details>` disclosure, so the confirmation works the same without JavaScript.
 */
export function SessionActions(): ReactNode {
  return (
    <div className="mt-6 grid gap-4 sm:grid-cols-2">
      <div>
        <StepUpButton
          action={revokeOthersAction}
          request={{ method: "POST", path: "/api/sessions/revoke-others" }}
          doneUrl="/account?done=revoked-others"
        >
          Sign out everywhere else
        </StepUpButton>
        <p className={`mt-2 text-sm ${mutedText}`}>Ends your sessions on other devices. This one stays signed in.</p>
      </div>
      <div>
        <details data-testid="sign-out-everywhere">
          <summary className="inline-block cursor-pointer list-none rounded-lg border border-red-700 px-4 py-2 font-medium text-red-700 hover:bg-red-50 dark:border-red-400 dark:text-red-300 dark:hover:bg-red-950 [&::-webkit-details-marker]:hidden">
            Sign out everywhere…
          </summary>
          <div className="mt-3 rounded-lg border border-red-200 bg-red-50 p-3 dark:border-red-900 dark:bg-red-950">
            <p className="mb-3 text-sm text-red-900 dark:text-red-100">
              This signs out this device too: you will need your password to sign in again here.
            </p>
            <StepUpButton
              action={signOutEverywhereAction}
              request={{ method: "DELETE", path: "/api/sessions?scope=all" }}
              doneUrl="/login?reason=signed-out-everywhere"
              tone="danger"
            >
              Yes, sign out everywhere
            </StepUpButton>
          </div>
        </details>
        {/* After the disclosure, which hides all but its summary while closed; the open panel says more. */}
        <p className={`mt-2 text-sm ${mutedText} [details[open]+&]:hidden`}>Ends every session, this one included.</p>
      </div>
    </div>
  );
}
