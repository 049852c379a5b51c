"use server";

import { redirect } from "next/navigation";
import { safeRedirect } from "@/lib/auth/safe-redirect";
import type { FieldErrors } from "@/lib/http/api-response";
import { currentRequestContext } from "@/lib/http/current-request";
import { isTemporaryFailure, TRY_AGAIN_MESSAGE } from "@/lib/http/temporary-failure";
import { beginTotp, confirmTotp, disableSecondFactor, regenerateRecoveryCodes } from "@/lib/second-factor/enrolment";
import { clearPending, type Pending, readPending } from "@/lib/second-factor/pending-seal";
import { completeSecondStep, type SecondStepInput } from "@/lib/second-factor/second-step";
import { requireSession } from "@/lib/session/for-pages";
import { startSession } from "@/lib/session/sign-in";
import { requireStepUpOrConfirm } from "@/lib/session/step-up-action";
import { throttledMessage } from "@/lib/throttle/throttle-policy";
import { formText } from "./form-state";

/** What the two-step forms get back: a message or field errors, and recovery codes to show once. */
export interface CodesState {
  message?: string;
  fields: FieldErrors;
  recoveryCodes?: string[];
}

/** As `orTryAgain`: a temporary failure (database locked or down) is a message on the form, not an error page. */
async function orTryAgainCodes(run: () => Promise<CodesState>): Promise<CodesState> {
  try {
    return await run();
  } catch (error) {
    if (!isTemporaryFailure(error)) throw error;
    return { message: TRY_AGAIN_MESSAGE, fields: {} };
  }
}

const bounded = (value: string | undefined, max: number): string => (value ?? "").trim().slice(0, max);

/** The login page's second step (no JavaScript needed): an authenticator code or a recovery code. */
export async function secondStepAction(_previous: CodesState, form: FormData): Promise<CodesState> {
  const pending = await readPending();
  if (!pending) redirect("/login?reason=second-factor-expired");
  const code = bounded(formText(form, "code"), 32);
  const recoveryCode = bounded(formText(form, "recoveryCode"), 64);
  const field = recoveryCode ? "recoveryCode" : "code";
  if (!code && !recoveryCode) return { fields: { code: "Enter the code from your authenticator app." } };
  const input: SecondStepInput = recoveryCode ? { recoveryCode } : { code };
  return orTryAgainCodes(() => finishSecondStep(pending, input, field, formText(form, "next")));
}

async function finishSecondStep(
  pending: Pending,
  input: SecondStepInput,
  field: "code" | "recoveryCode",
  next: string | undefined,
): Promise<CodesState> {
  const result = await completeSecondStep(pending, input, await currentRequestContext());
  if (!result.ok && result.code === "throttled")
    return { message: throttledMessage(result.retryAfterSeconds), fields: {} };
  if (!result.ok && result.code === "expired") {
    await clearPending();
    redirect("/login?reason=second-factor-expired");
  }
  if (!result.ok) return { fields: { [field]: "That code is not right, or was used already." } };
  await clearPending();
  await startSession(result.user, result.amr);
  redirect(safeRedirect(next));
}

/** "Set up an authenticator app" (step-up, R61): a new secret, then the page shows it. */
export async function beginTotpAction(): Promise<void> {
  const session = await requireSession("/account");
  requireStepUpOrConfirm(session, "second-factor");
  await beginTotp(session.user);
  redirect("/account?setup=totp#second-factor");
}

/** The first code from the app: two-step sign-in is on, and the recovery codes are shown once. */
export async function confirmTotpAction(_previous: CodesState, form: FormData): Promise<CodesState> {
  const session = await requireSession("/account");
  requireStepUpOrConfirm(session, "second-factor");
  const code = bounded(formText(form, "code"), 32);
  if (!code) return { fields: { code: "Enter the code your app shows." } };
  return orTryAgainCodes(async (): Promise<CodesState> => {
    const result = await confirmTotp(session.user, code, await currentRequestContext());
    if (!result.ok && result.code === "not_enrolling") return { message: "Start the set-up again.", fields: {} };
    if (!result.ok) return { fields: { code: "That code is not right. Check the time on your phone and try again." } };
    return { fields: {}, recoveryCodes: result.recoveryCodes };
  });
}

/** New recovery codes (step-up); the old ones stop working. */
export async function regenerateCodesAction(_previous: CodesState): Promise<CodesState> {
  const session = await requireSession("/account");
  requireStepUpOrConfirm(session, "second-factor");
  return orTryAgainCodes(async (): Promise<CodesState> => {
    const result = await regenerateRecoveryCodes(session.user, await currentRequestContext());
    if (!result.ok) return { message: "Two-step sign-in is not on.", fields: {} };
    return { fields: {}, recoveryCodes: result.recoveryCodes };
  });
}

/** Turns two-step sign-in off (step-up); the owner gets an email, the audit log records it. */
export async function disableTotpAction(): Promise<void> {
  const session = await requireSession("/account");
  requireStepUpOrConfirm(session, "second-factor");
  await disableSecondFactor(session.user, await currentRequestContext());
  redirect("/account?done=second-factor-off#second-factor");
}
