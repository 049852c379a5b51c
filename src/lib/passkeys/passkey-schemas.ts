import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { z } from "zod";

const b64url = z
  .string()
  .min(1)
  .max(8192)
  .regex(/^[A-Za-z0-9_-]*$/);

/** The browser's `PublicKeyCredential` JSON, bounded; the library checks everything inside. */
const RegistrationSchema = z.object({
  id: b64url,
  rawId: b64url,
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: b64url,
    attestationObject: b64url,
    transports: z
      .array(z.enum(["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"]))
      .max(8)
      .optional(),
  }),
  clientExtensionResults: z.object({}).passthrough(),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
});

export const AuthenticationSchema = z.object({
  id: b64url,
  rawId: b64url,
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: b64url,
    authenticatorData: b64url,
    signature: b64url,
    userHandle: b64url.optional(),
  }),
  clientExtensionResults: z.object({}).passthrough(),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
});

export const AddPasskeySchema = z.strictObject({
  name: z.string().trim().min(1, "Name this passkey.").max(60, "At most 60 characters."),
  response: RegistrationSchema,
});

export const PasskeySignInSchema = z.strictObject({
  response: AuthenticationSchema,
  next: z.string().max(2048).optional(),
});

export const asRegistration = (value: z.infer<typeof RegistrationSchema>): RegistrationResponseJSON => value;
export const asAuthentication = (value: z.infer<typeof AuthenticationSchema>): AuthenticationResponseJSON => value;
