import { reader } from "@/lib/db/database";
import { listPasskeys } from "@/lib/passkeys/passkey-store";
import type { SecondFactorMethod } from "./second-factor-schemas";

/** What the second step offers this user: the app's code, a recovery code, and a passkey when there is one. */
export async function secondFactorMethods(userId: string): Promise<SecondFactorMethod[]> {
  const passkeys = await listPasskeys(await reader(), userId);
  return ["totp", "recovery_code", ...(passkeys.length > 0 ? (["passkey"] as const) : [])];
}
