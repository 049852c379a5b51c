"use client";

import { type ReactNode, useActionState } from "react";
import {
  type CodesState,
  confirmTotpAction,
  disableTotpAction,
  regenerateCodesAction,
} from "@/app/actions/second-factor-actions";
import { FormMessage } from "@/components/form-message";
import { dangerButton, mutedText, secondaryButton } from "@/components/styles";
import { SubmitButton } from "@/components/submit-button";
import { TextField } from "@/components/text-field";
import type { SecondFactorStatus } from "@/lib/second-factor/enrolment";
import { RecoveryCodesList } from "./recovery-codes-list";

const EMPTY: CodesState = { fields: {} };

type Shown = Exclude<SecondFactorStatus, { totp: "off" }>;

/**
 * The set-up (QR code, secret, first code) and, once on, the recovery codes and the way to turn it off.
 * Both forms live in this one component, so the codes a confirmation returns stay on screen after the
 * page re-renders as "on" (with or without JavaScript).
 */
export function SecondFactorPanel({ status }: { status: Shown }): ReactNode {
  const [confirmed, confirm] = useActionState(confirmTotpAction, EMPTY);
  const [regenerated, regenerate] = useActionState(regenerateCodesAction, EMPTY);
  const codes = regenerated.recoveryCodes ?? confirmed.recoveryCodes;
  return (
    <div>
      {codes ? <RecoveryCodesList codes={codes} /> : null}
      {status.totp === "enrolling" && !confirmed.recoveryCodes ? (
        <div className="mt-3">
          <p className={`text-sm ${mutedText}`}>
            Scan this with your authenticator app, or type the key, then enter the code it shows.
          </p>
          {/* The SVG is drawn on the server from the otpauth URI; a data URL is allowed by the CSP's img-src. */}
          {/* biome-ignore lint/performance/noImgElement: a data URL, nothing for next/image to optimise */}
          <img
            src={`data:image/svg+xml;base64,${btoa(status.setup.qrSvg)}`}
            alt="QR code of your authenticator key"
            width={192}
            height={192}
            className="mt-3 rounded bg-white p-2"
          />
          <p className="mt-3 text-sm">
            Key:{" "}
            <code className="font-mono break-all" data-testid="totp-secret">
              {status.setup.secret}
            </code>
          </p>
          <form action={confirm} className="mt-4 max-w-xs space-y-4" noValidate>
            <FormMessage text={confirmed.message} tone="error" />
            <TextField
              name="code"
              label="Code from the app"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={8}
              required
              error={confirmed.fields.code}
            />
            <SubmitButton pendingText="Checking…">Turn on two-step sign-in</SubmitButton>
          </form>
        </div>
      ) : (
        <div className="mt-3 space-y-4">
          <p className="text-sm" data-testid="second-factor-on">
            On: signing in asks for a code from your authenticator app.
            {status.totp === "on" && !codes ? ` ${status.recoveryCodesLeft} of 10 recovery codes left.` : null}
          </p>
          <FormMessage text={regenerated.message} tone="error" />
          <div className="flex flex-wrap gap-3">
            <form action={regenerate}>
              <button type="submit" className={secondaryButton}>
                New recovery codes
              </button>
            </form>
            <form action={disableTotpAction}>
              <button type="submit" className={dangerButton}>
                Turn off two-step sign-in
              </button>
            </form>
          </div>
        </div>
      )}
    </div>
  );
}
