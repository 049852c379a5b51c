import { redirect } from "next/navigation";
import type { ActiveSession } from "./check-session";
import { stepUpOf } from "./step-up-guard";

/** The account page's actions that need a recent password (R61), as named in `/account?confirm=…`. */
export const STEP_UP_ACTIONS = [
  "revoke-others",
  "sign-out-everywhere",
  "change-password",
  "delete-account",
  "change-email",
  "second-factor",
] as const;
export type StepUpAction = (typeof STEP_UP_ACTIONS)[number];

export function isStepUpAction(value: unknown): value is StepUpAction {
  return STEP_UP_ACTIONS.some((action) => action === value);
}

/** The page that asks for the password before `action`: the no-JavaScript path of the step-up. */
export function confirmUrl(action: StepUpAction): string {
  return `/account?confirm=${action}`;
}

/** For server actions: goes on when the password was confirmed recently, else to the confirmation step. */
export function requireStepUpOrConfirm(session: ActiveSession, action: StepUpAction): void {
  if (stepUpOf(session).status !== "fresh") redirect(confirmUrl(action));
}
