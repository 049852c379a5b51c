import { randomBytes } from "node:crypto";
import { sealData, unsealData } from "iron-session";
import { cookies } from "next/headers";
import { z } from "zod";
import { env } from "@/lib/config/env";

/**
 * A password sign-in waiting for its second factor: its own cookie, never the session's. It names the user
 * and grants nothing else: it has none of a session's fields (`sid`, `authenticatedAt`…), so the session
 * check, the kept proof and the proxy all refuse it even if it were sent as the session cookie (tests).
 * `pid` makes it single-use: completing the sign-in records it as ended.
 */
export const PendingSchema = z.object({
  purpose: z.literal("second-factor"),
  pid: z.string().min(16).max(64),
  uid: z.string().min(1).max(64),
  ver: z.number().int().nonnegative(),
  startedAt: z.number().int().positive(),
});

export type Pending = z.infer<typeof PendingSchema>;

export const DEV_PENDING_COOKIE_NAME = "iron-gate-pending";
export const PRODUCTION_PENDING_COOKIE_NAME = "__Host-iron-gate-pending";

function cookieName(): string {
  return env().NODE_ENV === "production" ? PRODUCTION_PENDING_COOKIE_NAME : DEV_PENDING_COOKIE_NAME;
}

/** Whether `pending` is still inside its lifetime at `now` (the seal's own expiry is whole seconds). */
export function pendingIsLive(pending: Pending, lifetimeMs: number, now = Date.now()): boolean {
  return now >= pending.startedAt - 60_000 && now < pending.startedAt + lifetimeMs;
}

/** Sets the pending cookie for `user`, who just gave the right password. */
export async function startPending(user: { id: string; sessionVersion: number }, now = Date.now()): Promise<Pending> {
  const pending: Pending = {
    purpose: "second-factor",
    pid: randomBytes(18).toString("base64url"),
    uid: user.id,
    ver: user.sessionVersion,
    startedAt: now,
  };
  const ttl = Math.max(1, Math.ceil(env().SECOND_FACTOR_PENDING_TTL / 1000));
  const value = await sealData(pending, { password: env().sessionSecrets.passwords, ttl });
  const production = env().NODE_ENV === "production";
  (await cookies()).set(cookieName(), value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: production,
    maxAge: ttl,
  });
  return pending;
}

/** The pending sign-in this request carries, or null: missing, unreadable, malformed or too old. */
export async function readPending(now = Date.now()): Promise<Pending | null> {
  const seal = (await cookies()).get(cookieName())?.value;
  if (!seal) return null;
  const raw = await unsealData(seal, { password: env().sessionSecrets.passwords }).catch(() => null);
  const parsed = PendingSchema.safeParse(raw);
  if (!parsed.success) return null;
  return pendingIsLive(parsed.data, env().SECOND_FACTOR_PENDING_TTL, now) ? parsed.data : null;
}

export async function clearPending(): Promise<void> {
  (await cookies()).delete({ name: cookieName(), path: "/", secure: env().NODE_ENV === "production" });
}
