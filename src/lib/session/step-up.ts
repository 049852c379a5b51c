import type { SessionData } from "./session-data";

/** A confirmation this far in the future was not made by this server's clock: treat it as none. */
const CLOCK_SKEW_MS = 60_000;

/**
 * Whether this session may do something that ends other sessions or changes credentials (R61): `fresh`
 * while the last password confirmation is inside the window, with the moment it stops being so.
 */
export type StepUp = { status: "fresh"; confirmedUntil: number } | { status: "required" };

/**
 * The step-up decision at `now`. A seal made before `confirmedAt` existed counts its sign-in as the
 * confirmation: that is when the password was last entered.
 */
export function stepUpState(
  data: Pick<SessionData, "authenticatedAt" | "confirmedAt">,
  windowMs: number,
  now = Date.now(),
): StepUp {
  const confirmedAt = data.confirmedAt ?? data.authenticatedAt;
  if (confirmedAt > now + CLOCK_SKEW_MS) return { status: "required" };
  const confirmedUntil = confirmedAt + windowMs;
  return now < confirmedUntil ? { status: "fresh", confirmedUntil } : { status: "required" };
}

/** The same session, its password confirmed at `now`. */
export function confirmedAt(data: SessionData, now = Date.now()): SessionData {
  return { ...data, confirmedAt: Math.max(data.confirmedAt ?? 0, now) };
}
