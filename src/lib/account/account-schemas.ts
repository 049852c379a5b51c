import { z } from "zod";
import { NameSchema } from "@/lib/auth/auth-schemas";
import { PasswordInputSchema } from "@/lib/auth/password-rules";

/**
 * `PATCH /api/account` and the account page's name form: sign-up's name rules (length, invisible characters);
 * an empty name (or null) clears it. Only `name`: any other key is refused, never silently applied (R56).
 */
export const UpdateAccountSchema = z.strictObject(
  { name: NameSchema.nullable().transform((name) => name ?? null) },
  { error: (issue) => (issue.code === "unrecognized_keys" ? "Only name can be changed here." : undefined) },
);

/** `DELETE /api/account` and the delete form: the signed-in user's current password. */
export const DeleteAccountSchema = z.object({ password: PasswordInputSchema });

export type UpdateAccountInput = z.output<typeof UpdateAccountSchema>;
