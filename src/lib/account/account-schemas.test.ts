import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/http/read-json";
import { DeleteAccountSchema, UpdateAccountSchema } from "./account-schemas";

const errorsOf = (input: unknown): Record<string, string> => {
  const result = UpdateAccountSchema.safeParse(input);
  return result.success ? {} : fieldErrors(result.error);
};

describe("UpdateAccountSchema (R56)", () => {
  it("takes sign-up's name rules: trimmed, NFC, empty or null is none", () => {
    expect(UpdateAccountSchema.parse({ name: "  Ada  " })).toEqual({ name: "Ada" });
    expect(UpdateAccountSchema.parse({ name: "Rene\u0301" })).toEqual({ name: "René" });
    expect(UpdateAccountSchema.parse({ name: "   " })).toEqual({ name: null });
    expect(UpdateAccountSchema.parse({ name: null })).toEqual({ name: null });
  });

  it("refuses a missing, non-text, too long or invisible-character name on the name field", () => {
    for (const name of [undefined, 42, "x".repeat(101), "Ada\u200BLovelace", "\u202Eevil"]) {
      expect(Object.keys(errorsOf({ name })), String(name)).toEqual(["name"]);
    }
  });

  it("refuses any other key instead of applying or dropping it: no mass assignment", () => {
    expect(errorsOf({ name: "Ada", isAdmin: true })).toEqual({ body: "Only name can be changed here." });
    expect(Object.keys(errorsOf(["Ada"]))).toEqual(["body"]);
  });
});

describe("DeleteAccountSchema", () => {
  it("needs a password as text", () => {
    expect(DeleteAccountSchema.safeParse({ password: "" }).success).toBe(false);
    expect(DeleteAccountSchema.safeParse({ password: 42 }).success).toBe(false);
    expect(DeleteAccountSchema.parse({ password: "velvet tractor" })).toEqual({ password: "velvet tractor" });
  });
});
