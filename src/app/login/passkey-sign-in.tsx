"use client";

import type { ReactNode } from "react";
import { PasskeyButton } from "@/components/passkeys/passkey-button";
import { assertPasskey } from "@/components/passkeys/passkey-client";

/**
 * "Log in with a passkey" (not "Sign in…", which the password form's button is called): no email asked, the browser offers this site's passkeys. Needs JavaScript. */
export function PasskeySignIn({ next }: { next: string }): ReactNode {
  const signIn = async (): Promise<string | undefined> => {
    const result = await assertPasskey({
      optionsPath: "/api/sessions/passkey/options",
      verifyPath: "/api/sessions/passkey",
      body: (response) => ({ response, next }),
    });
    if (!result.ok) {
      return result.refused === "options"
        ? "Passkey sign-in is not available right now."
        : "That passkey could not sign you in.";
    }
    window.location.assign(result.redirectTo);
    return undefined;
  };
  return (
    <PasskeyButton run={signIn} failed="The passkey sign-in was cancelled or failed.">
      Log in with a passkey
    </PasskeyButton>
  );
}
