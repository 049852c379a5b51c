import { z } from "zod";
import { EmailSchema } from "./email";
import { hasInvisibleCharacters, INVISIBLE_CHARACTERS_MESSAGE } from "./invisible-characters";
import { PasswordInputSchema, passwordField } from "./password-rules";

export const MAX_NAME_LENGTH = 100;

/** An optional display name: trimmed, NFC, empty means none; nothing invisible that could imitate another name. */
export const NameSchema = z
  .string({ error: "Enter your name as text." })
  .max(4 * MAX_NAME_LENGTH, `Use at most ${MAX_NAME_LENGTH} characters.`)
  .transform((name) => name.trim().normalize("NFC"))
  .refine((name) => [...name].length <= MAX_NAME_LENGTH, `Use at most ${MAX_NAME_LENGTH} characters.`)
  .refine((name) => name.isWellFormed(), "Remove the characters that are not valid text.")
  .refine((name) => !hasInvisibleCharacters(name), INVISIBLE_CHARACTERS_MESSAGE)
  .transform((name) => (name.length > 0 ? name : null));

/** Where to go after signing in; `safeRedirect` decides whether it is usable. Non-strings are a 400. */
export const NextSchema = z.string({ error: "next must be a path such as /private." }).max(2048).optional();

/** A new password before the policy runs: a string within the byte cap (the policy needs context). */
// Empty is flagged here, with the other fields, rather than by the policy once the email is valid.
export const NewPasswordSchema = passwordField("Choose a password.");

export const SignInSchema = z.object({
  email: EmailSchema,
  password: PasswordInputSchema,
  next: NextSchema,
});

export const SignUpSchema = z.object({
  email: EmailSchema,
  password: NewPasswordSchema,
  name: NameSchema.nullish().transform((name) => name ?? null),
  next: NextSchema,
});

export type SignInInput = z.output<typeof SignInSchema>;
export type SignUpInput = z.output<typeof SignUpSchema>;

export const ChangePasswordSchema = z.object({
  currentPassword: PasswordInputSchema,
  newPassword: NewPasswordSchema,
});

/** A step-up confirmation (R61): the password of the signed-in user. */
export const ConfirmPasswordSchema = z.object({ password: PasswordInputSchema });

/** `POST /api/password-reset` and the forgot-password form. */
export const PasswordResetRequestSchema = z.object({ email: EmailSchema });

/** `POST /api/password-reset/confirm`: the token from the link (its format is checked where it is looked up). */
export const PasswordResetConfirmSchema = z.object({
  token: z.string({ error: "The link's token is missing." }).min(1, "The link's token is missing.").max(200),
  newPassword: NewPasswordSchema,
});
