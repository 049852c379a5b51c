import { z } from "zod";
import { AuthenticationSchema } from "@/lib/passkeys/passkey-schemas";

const next = z.string().max(2048).optional();

/** `{code}` (authenticator app) or `{recoveryCode}`, never both; bounded before anything looks at them. */
export const SecondStepSchema = z.union([
  z.strictObject({ code: z.string().min(1, "Enter the code.").max(32), next }),
  z.strictObject({ recoveryCode: z.string().min(1, "Enter a recovery code.").max(64), next }),
  z.strictObject({ passkey: AuthenticationSchema, next }),
]);

export const TotpCodeSchema = z.strictObject({ code: z.string().min(1, "Enter the code.").max(32) });

/** The methods a pending sign-in can be completed with; `passkey` when the user has one. */
export type SecondFactorMethod = "totp" | "recovery_code" | "passkey";
