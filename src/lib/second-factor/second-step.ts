import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { audit } from "@/lib/audit/audit-log";
import type { Throttled } from "@/lib/auth/throttled";
import { env } from "@/lib/config/env";
import { type Db, db, reader } from "@/lib/db/database";
import { transaction } from "@/lib/db/transaction";
import type { RequestContext } from "@/lib/http/request-context";
import { checkAssertion } from "@/lib/passkeys/passkey-assertion";
import type { Amr } from "@/lib/session/session-data";
import { throttlePolicy } from "@/lib/throttle/throttle-policy";
import { admitAttempt, clearAccount } from "@/lib/throttle/throttle-store";
import type { UserRecord } from "@/lib/users/user";
import { findUserById } from "@/lib/users/user-repository";
import type { Pending } from "./pending-seal";
import { hashRecoveryCode } from "./recovery-codes";
import { endPending, findTotp, resealTotp, useRecoveryCode, useTotpStep } from "./second-factor-store";
import { openTotpSecret, sealedWithOldSecret, sealTotpSecret } from "./secret-seal";
import { matchTotp } from "./totp-code";

export type SecondStepInput = { code: string } | { recoveryCode: string } | { passkey: AuthenticationResponseJSON };

export type SecondStepResult =
  | { ok: true; user: UserRecord; amr: Amr[] }
  /** The pending sign-in no longer stands: used, password changed, factor removed. Sign in again. */
  | { ok: false; code: "expired" }
  | { ok: false; code: "invalid_code" }
  | Throttled;

type Check =
  | { ok: true; commit: (trx: Db) => Promise<boolean>; amr: "otp" | "rec" | "hwk" }
  | { ok: false; detail: string };

/** Decides on the code itself (pure but for opening the secret); what it must write is done in `commit`. */
async function check(
  user: UserRecord,
  input: SecondStepInput,
  pendingPid: string,
  now: number,
): Promise<Check | "no_factor"> {
  const totp = await findTotp(await reader(), user.id);
  if (!totp?.enabled) return "no_factor";
  if ("passkey" in input) {
    // The challenge was bound to this pending sign-in; the passkey must be this user's.
    const assertion = await checkAssertion(input.passkey, "second-step", pendingPid, now);
    if (!assertion.ok || assertion.userId !== user.id) return { ok: false, detail: "passkey refused" };
    return { ok: true, amr: "hwk", commit: async () => true };
  }
  if ("recoveryCode" in input) {
    const hash = hashRecoveryCode(input.recoveryCode);
    if (hash === null) return { ok: false, detail: "wrong recovery code" };
    return { ok: true, amr: "rec", commit: (trx) => useRecoveryCode(trx, user.id, hash, now) };
  }
  const secret = await openTotpSecret(totp.secretSealed);
  if (secret === null) return { ok: false, detail: "authenticator secret unreadable" };
  const match = matchTotp(secret, input.code, now, totp.lastUsedStep);
  if (!match.ok) return { ok: false, detail: match.reason === "replayed" ? "code already used" : "wrong code" };
  if (sealedWithOldSecret(totp.secretSealed)) await resealTotp(await db(), user.id, await sealTotpSecret(secret));
  return { ok: true, amr: "otp", commit: (trx) => useTotpStep(trx, user.id, match.step, { enable: false, now }) };
}

/**
 * The second step of a password sign-in: an authenticator code or a recovery code, throttled per account
 * exactly like a password (a wrong code counts toward the backoff, R39). On success, in one transaction: the
 * code is used up (replay refused), the pending sign-in is used up, the account's failures are forgotten.
 */
export async function completeSecondStep(
  pending: Pending,
  input: SecondStepInput,
  context: RequestContext,
  now = Date.now(),
): Promise<SecondStepResult> {
  const user = await findUserById(await reader(), pending.uid);
  if (!user || user.sessionVersion !== pending.ver) return { ok: false, code: "expired" };
  const admitted = await admitAttempt(await db(), { ip: context.ip, account: user.email }, throttlePolicy());
  if (!admitted.ok) {
    await audit({ event: "throttled", outcome: "blocked", userId: user.id, detail: "second step" }, context);
    return { ok: false, code: "throttled", retryAfterSeconds: admitted.retryAfterSeconds };
  }
  const verdict = await check(user, input, pending.pid, now);
  if (verdict === "no_factor") return { ok: false, code: "expired" };
  const expiresAt = pending.startedAt + env().SECOND_FACTOR_PENDING_TTL;
  const outcome = verdict.ok
    ? await transaction(await db(), async (trx) => {
        if (!(await verdict.commit(trx))) return "replayed" as const;
        if (!(await endPending(trx, pending.pid, user.id, expiresAt))) return "expired" as const;
        await clearAccount(trx, user.email);
        return "done" as const;
      })
    : null;
  if (outcome === "expired") return { ok: false, code: "expired" };
  if (!verdict.ok || outcome !== "done") {
    const detail = verdict.ok ? "code already used" : verdict.detail;
    await audit({ event: "sign_in_failed", outcome: "failure", userId: user.id, detail }, context);
    return { ok: false, code: "invalid_code" };
  }
  const detail = { otp: "with an authenticator code", rec: "with a recovery code", hwk: "with a passkey" }[verdict.amr];
  await audit({ event: "sign_in", outcome: "success", userId: user.id, detail }, context);
  return { ok: true, user, amr: ["pwd", verdict.amr] };
}
