"use client";

import { startAuthentication } from "@simplewebauthn/browser";
import { type ReactNode, useState } from "react";
import { FormMessage } from "@/components/form-message";
import { secondaryButton } from "@/components/styles";

const post = (path: string, body?: unknown): Promise<Response> =>
  fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/**
 * "Log in with a passkey" (not "Sign in…", which the password form's button is called): no email asked, the browser offers this site's passkeys. Needs JavaScript. */
export function PasskeySignIn({ next }: { next: string }): ReactNode {
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const signIn = async (): Promise<void> => {
    const options = await post("/api/sessions/passkey/options");
    if (!options.ok) return setError("Passkey sign-in is not available right now.");
    const response = await startAuthentication({ optionsJSON: await options.json() });
    const result = await post("/api/sessions/passkey", { response, next });
    if (!result.ok) return setError("That passkey could not sign you in.");
    const body: unknown = await result.json();
    const target = typeof body === "object" && body && "redirectTo" in body ? String(body.redirectTo) : "/private";
    window.location.assign(target);
  };
  return (
    <div className="mt-6 space-y-3">
      <FormMessage text={error} tone="error" />
      <button
        type="button"
        disabled={busy}
        className={`w-full py-2.5 ${secondaryButton}`}
        onClick={() => {
          setBusy(true);
          setError(undefined);
          signIn()
            .catch(() => setError("The passkey sign-in was cancelled or failed."))
            .finally(() => setBusy(false));
        }}
      >
        Log in with a passkey
      </button>
    </div>
  );
}
