import { describe, expect, it } from "vitest";
import { NameSchema, SignUpSchema } from "./auth-schemas";

describe("NameSchema (decision 3)", () => {
  it.each([
    ["a right-to-left override", "Ada \u202ELovelace"],
    ["a zero-width space", "Ada\u200BLovelace"],
    ["a zero-width joiner", "Ada\u200DLovelace"],
    ["a soft hyphen", "Ada Love\u00ADlace"],
    ["a first strong isolate", "\u2068Ada"],
    ["a Hangul filler", "\u3164"],
    ["a control character", "Ada\u0007"],
  ])("refuses %s", (_label, name) => {
    const result = NameSchema.safeParse(name);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/invisible|direction/i);
  });

  it.each(["Ada Lovelace", "José Ñúñez", "محمد علي", "山田 太郎"])("keeps %s", (name) => {
    expect(NameSchema.safeParse(name).data).toBe(name);
  });

  it("names the field that is wrong when a sign-up carries both tricks", () => {
    const result = SignUpSchema.safeParse({
      email: "uni\u200Bcorn@example.com",
      password: "x".repeat(20),
      name: "\u202Eevil",
    });
    const fields = result.error?.issues.map((issue) => issue.path.join(".")).sort();
    expect(fields).toEqual(["email", "name"]);
  });
});
