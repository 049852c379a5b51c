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

/** A passkey as the second step (needs JavaScript): the challenge is bound to this pending sign-in. */
export function SecondStepPasskey({ next }: { next: string }): ReactNode {
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const run = async (): Promise<void> => {
    const options = await post("/api/sessions/second-factor/passkey-options");
    if (options.status === 401) return window.location.assign("/login?reason=second-factor-expired");
    if (!options.ok) return setError("Passkeys are not available right now.");
    const passkey = await startAuthentication({ optionsJSON: await options.json() });
    const result = await post("/api/sessions/second-factor", { passkey, next });
    if (!result.ok) return setError("That passkey was not accepted.");
    const body: unknown = await result.json();
    window.location.assign(
      typeof body === "object" && body && "redirectTo" in body ? String(body.redirectTo) : "/private",
    );
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
          run()
            .catch(() => setError("The passkey step was cancelled or failed."))
            .finally(() => setBusy(false));
        }}
      >
        Use a passkey instead
      </button>
    </div>
  );
}
