import { toString as qrSvg } from "qrcode";
import { audit } from "@/lib/audit/audit-log";
import { env } from "@/lib/config/env";
import { db, reader } from "@/lib/db/database";
import { transaction } from "@/lib/db/transaction";
import type { RequestContext } from "@/lib/http/request-context";
import { enqueueMail } from "@/lib/mail/outbox";
import type { PublicUser } from "@/lib/users/user";
import { secondFactorDisabledMail } from "./disabled-mail";
import { hashRecoveryCode, newRecoveryCodes } from "./recovery-codes";
import {
  findTotp,
  removeSecondFactor,
  replaceRecoveryCodes,
  startTotpEnrolment,
  unusedRecoveryCodes,
  useTotpStep,
} from "./second-factor-store";
import { openTotpSecret, sealTotpSecret } from "./secret-seal";
import { matchTotp, newTotpSecret, totpUri } from "./totp-code";

/** What the account page shows while an enrolment waits for its first code: the secret, as QR code and text. */
export interface TotpSetup {
  secret: string;
  uri: string;
  /** An SVG drawn here (no external service): the secret never leaves the server but to this page. */
  qrSvg: string;
}

export type SecondFactorStatus =
  | { totp: "off" }
  | { totp: "enrolling"; setup: TotpSetup }
  | { totp: "on"; recoveryCodesLeft: number };

async function setupOf(user: PublicUser, secret: string): Promise<TotpSetup> {
  const uri = totpUri(secret, user.email, env().APP_NAME);
  return { secret, uri, qrSvg: await qrSvg(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" }) };
}

/** Where the user stands; the secret of an unfinished enrolment only with `withSetup` (step-up checked by caller). */
export async function secondFactorStatus(user: PublicUser, withSetup: boolean): Promise<SecondFactorStatus> {
  const totp = await findTotp(await reader(), user.id);
  if (totp?.enabled) return { totp: "on", recoveryCodesLeft: await unusedRecoveryCodes(await reader(), user.id) };
  const secret = totp && withSetup ? await openTotpSecret(totp.secretSealed) : null;
  return secret === null ? { totp: "off" } : { totp: "enrolling", setup: await setupOf(user, secret) };
}

export type BeginResult = { ok: true; setup: TotpSetup } | { ok: false; code: "already_enabled" };

/** Starts an enrolment with a new 160-bit secret (an unfinished one is replaced). Step-up checked by caller. */
export async function beginTotp(user: PublicUser, now = Date.now()): Promise<BeginResult> {
  const secret = newTotpSecret();
  const started = await startTotpEnrolment(await db(), user.id, await sealTotpSecret(secret), now);
  if (!started) return { ok: false, code: "already_enabled" };
  return { ok: true, setup: await setupOf(user, secret) };
}

export type ConfirmResult =
  | { ok: true; recoveryCodes: string[] }
  | { ok: false; code: "invalid_code" | "not_enrolling" };

/**
 * Turns the authenticator app on once a first code matches, and hands out 10 recovery codes, shown once:
 * only their hashes are kept. One transaction: enabled with its codes, or not at all.
 */
export async function confirmTotp(
  user: PublicUser,
  code: string,
  context: RequestContext,
  now = Date.now(),
): Promise<ConfirmResult> {
  const totp = await findTotp(await reader(), user.id);
  const secret = totp && !totp.enabled ? await openTotpSecret(totp.secretSealed) : null;
  if (secret === null) return { ok: false, code: "not_enrolling" };
  const match = matchTotp(secret, code, now, null);
  if (!match.ok) return { ok: false, code: "invalid_code" };
  const recoveryCodes = newRecoveryCodes();
  const enabled = await transaction(await db(), async (trx) => {
    if (!(await useTotpStep(trx, user.id, match.step, { enable: true, now }))) return false;
    await replaceRecoveryCodes(trx, user.id, recoveryCodes.map(hashOf), now);
    return true;
  });
  if (!enabled) return { ok: false, code: "not_enrolling" };
  await audit(
    { event: "second_factor_enabled", outcome: "success", userId: user.id, detail: "authenticator app" },
    context,
  );
  return { ok: true, recoveryCodes };
}

function hashOf(code: string): string {
  const hash = hashRecoveryCode(code);
  if (hash === null) throw new Error("a generated recovery code did not normalise");
  return hash;
}

/** New recovery codes; the old ones stop working. Step-up checked by caller. */
export async function regenerateRecoveryCodes(
  user: PublicUser,
  context: RequestContext,
  now = Date.now(),
): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false; code: "not_enabled" }> {
  const recoveryCodes = newRecoveryCodes();
  const done = await transaction(await db(), async (trx) => {
    if (!(await findTotp(trx, user.id))?.enabled) return false;
    await replaceRecoveryCodes(trx, user.id, recoveryCodes.map(hashOf), now);
    return true;
  });
  if (!done) return { ok: false, code: "not_enabled" };
  await audit({ event: "recovery_codes_regenerated", outcome: "success", userId: user.id }, context);
  return { ok: true, recoveryCodes };
}

/**
 * Turns the second factor off (step-up checked by caller): the secret and the recovery codes are deleted,
 * and the notice to the owner is queued in the same transaction (it goes out only if the change commits).
 */
export async function disableSecondFactor(user: PublicUser, context: RequestContext): Promise<boolean> {
  const removed = await transaction(await db(), async (trx) => {
    if (!(await removeSecondFactor(trx, user.id))) return false;
    await enqueueMail(trx, secondFactorDisabledMail(user, context));
    return true;
  });
  if (removed) {
    await audit(
      { event: "second_factor_disabled", outcome: "success", userId: user.id, detail: "authenticator app" },
      context,
    );
  }
  return removed;
}
