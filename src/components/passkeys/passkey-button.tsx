"use client";

import { type ReactNode, useState } from "react";
import { FormMessage } from "@/components/form-message";
import { secondaryButton } from "@/components/styles";

type Props = {
  /** The ceremony; resolves to the message to show when it did not get through (else it navigated). */
  run: () => Promise<string | undefined>;
  /** Shown when `run` throws: the browser's prompt was cancelled or failed. */
  failed: string;
  children: ReactNode;
};

/** The passkey button of the login pages (needs JavaScript): busy while the ceremony runs, its error above. */
export function PasskeyButton({ run, failed, children }: Props): ReactNode {
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
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
            .then(setError, () => setError(failed))
            .finally(() => setBusy(false));
        }}
      >
        {children}
      </button>
    </div>
  );
}
