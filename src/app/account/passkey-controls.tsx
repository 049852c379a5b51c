"use client";

import { startRegistration } from "@simplewebauthn/browser";
import { type FormEvent, type ReactNode, useState } from "react";
import { FormMessage } from "@/components/form-message";
import { postJson } from "@/components/passkeys/passkey-client";
import { secondaryButton, smallButton } from "@/components/styles";
import { TextField } from "@/components/text-field";
import { errorText } from "./api-error";
import { useStepUpFetch } from "./step-up-dialog";

/** "Add a passkey": the name, then the browser's own passkey prompt. */
export function AddPasskey(): ReactNode {
  const withStepUp = useStepUpFetch();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const add = async (name: string): Promise<void> => {
    const options = await withStepUp(() => postJson("/api/account/passkeys/options"));
    if (!options) return;
    if (!options.ok) return setError(await errorText(options));
    const response = await startRegistration({ optionsJSON: await options.json() });
    const saved = await withStepUp(() => postJson("/api/account/passkeys", { name, response }));
    if (!saved) return;
    if (!saved.ok) return setError(await errorText(saved, "name"));
    window.location.assign("/account?done=passkey-added#passkeys");
  };

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const name = new FormData(event.currentTarget).get("passkeyName");
    setBusy(true);
    setError(undefined);
    add(typeof name === "string" ? name : "")
      .catch(() => setError("The passkey was not added. Try again."))
      .finally(() => setBusy(false));
  };

  return (
    <form onSubmit={submit} className="mt-4 max-w-xs space-y-3" noValidate>
      <FormMessage text={error} tone="error" />
      <TextField name="passkeyName" label="Passkey name" defaultValue="My passkey" maxLength={60} required />
      <button type="submit" disabled={busy} className={secondaryButton}>
        Add a passkey
      </button>
    </form>
  );
}

/** "Remove" for one passkey. */
export function RemovePasskey({ id, name }: { id: string; name: string }): ReactNode {
  const withStepUp = useStepUpFetch();
  const [error, setError] = useState<string | undefined>();
  const remove = async (): Promise<void> => {
    const response = await withStepUp(() =>
      fetch(`/api/account/passkeys/${encodeURIComponent(id)}`, { method: "DELETE" }),
    );
    if (!response) return;
    if (response.ok) window.location.assign("/account?done=passkey-removed#passkeys");
    else setError(await errorText(response));
  };
  return (
    <span>
      <button type="button" className={smallButton} aria-label={`Remove ${name}`} onClick={() => void remove()}>
        Remove
      </button>
      {error ? <span className="ml-2 text-red-700 dark:text-red-400">{error}</span> : null}
    </span>
  );
}
