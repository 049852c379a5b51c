"use client";

import type { ReactNode } from "react";
import { PasskeyButton } from "@/components/passkeys/passkey-button";
import { assertPasskey } from "@/components/passkeys/passkey-client";

/** A passkey as the second step (needs JavaScript): the challenge is bound to this pending sign-in. */
export function SecondStepPasskey({ next }: { next: string }): ReactNode {
  const run = async (): Promise<string | undefined> => {
    const result = await assertPasskey({
      optionsPath: "/api/sessions/second-factor/passkey-options",
      verifyPath: "/api/sessions/second-factor",
      body: (passkey) => ({ passkey, next }),
    });
    if (!result.ok && result.refused === "options" && result.status === 401) {
      window.location.assign("/login?reason=second-factor-expired");
      return undefined;
    }
    if (!result.ok) {
      return result.refused === "options" ? "Passkeys are not available right now." : "That passkey was not accepted.";
    }
    window.location.assign(result.redirectTo);
    return undefined;
  };
  return (
    <PasskeyButton run={run} failed="The passkey step was cancelled or failed.">
      Use a passkey instead
    </PasskeyButton>
  );
}
