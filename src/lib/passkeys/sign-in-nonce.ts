import { randomBytes } from "node:crypto";
import { sealData, unsealData } from "iron-session";
import { cookies } from "next/headers";
import { z } from "zod";
import { env } from "@/lib/config/env";
import { CHALLENGE_TTL_MS } from "./relying-party";

/** The browser a passkey sign-in challenge was given to: a sealed nonce in a short cookie of its own. */
const NonceSchema = z.object({ purpose: z.literal("passkey-sign-in"), nonce: z.string().min(16).max(64) });

function cookieName(): string {
  return env().NODE_ENV === "production" ? "__Host-iron-gate-passkey" : "iron-gate-passkey";
}

export async function startNonce(): Promise<string> {
  const nonce = randomBytes(18).toString("base64url");
  const ttl = Math.ceil(CHALLENGE_TTL_MS / 1000);
  const value = await sealData(
    { purpose: "passkey-sign-in", nonce },
    { password: env().sessionSecrets.passwords, ttl },
  );
  const secure = env().NODE_ENV === "production";
  (await cookies()).set(cookieName(), value, { httpOnly: true, sameSite: "strict", path: "/", secure, maxAge: ttl });
  return nonce;
}

export async function readNonce(): Promise<string | null> {
  const seal = (await cookies()).get(cookieName())?.value;
  if (!seal) return null;
  const raw = await unsealData(seal, { password: env().sessionSecrets.passwords }).catch(() => null);
  const parsed = NonceSchema.safeParse(raw);
  return parsed.success ? parsed.data.nonce : null;
}

export async function clearNonce(): Promise<void> {
  (await cookies()).delete({ name: cookieName(), path: "/", secure: env().NODE_ENV === "production" });
}
