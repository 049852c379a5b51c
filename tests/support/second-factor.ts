import { Secret, TOTP } from "otpauth";
import { expect } from "vitest";
import { connectDatabase } from "@/lib/db/database";
import { type Client, STRONG_PASSWORD } from "./http-client";

/** The pending cookie's name when the app runs with NODE_ENV=production. */
export const PENDING_COOKIE = "__Host-iron-gate-pending";
const PERIOD_MS = 30_000;

/** The code an authenticator app shows for `secret` at `ms`: computed here, independently of the server. */
export function codeAt(secret: string, ms = Date.now()): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" }).generate({
    timestamp: ms,
  });
}

/** Waits until the next 30-second step has begun (plus a margin), so a test starts with a fresh code. */
export async function nextStep(margin = 1_000): Promise<void> {
  const wait = PERIOD_MS - (Date.now() % PERIOD_MS) + margin;
  await new Promise((resolve) => setTimeout(resolve, wait));
}

/** A time well inside the current step: waits for the next step when fewer than `needMs` are left in this one. */
export async function roomInStep(needMs = 8_000): Promise<void> {
  if (PERIOD_MS - (Date.now() % PERIOD_MS) < needMs) await nextStep();
}

export interface Enrolled {
  secret: string;
  recoveryCodes: string[];
}

/** Turns two-step sign-in on for a signed-in, recently confirmed client, through the API. */
export async function enrol(client: Client): Promise<Enrolled> {
  const begin = await client.json("POST", "/api/account/second-factor/totp");
  expect(begin.status, await begin.clone().text()).toBe(200);
  const { secret } = (await begin.json()) as { secret: string };
  await roomInStep(5_000);
  const confirm = await client.json("POST", "/api/account/second-factor/totp/confirm", { code: codeAt(secret) });
  expect(confirm.status, await confirm.clone().text()).toBe(200);
  const { recoveryCodes } = (await confirm.json()) as { recoveryCodes: string[] };
  return { secret, recoveryCodes };
}

/** The first step: the right password, answered with `secondFactor: "required"` and a pending cookie. */
export async function passwordStep(client: Client, email: string, password = STRONG_PASSWORD): Promise<Response> {
  return client.json("POST", "/api/sessions", { email, password });
}

/** Reads rows the app wrote, through its own data layer (either engine); only connects. */
export async function readRows<T>(
  databaseUrl: string,
  query: (db: ReturnType<typeof connectDatabase>) => Promise<T>,
): Promise<T> {
  const db = connectDatabase(databaseUrl);
  try {
    return await query(db);
  } finally {
    await db.destroy();
  }
}
