import { describe, expect, it } from "vitest";
import { EmailSchema, normalizeEmail } from "./email";

const parse = (email: unknown) => EmailSchema.safeParse(email);

describe("EmailSchema (decision 3, R58)", () => {
  it("normalises before validating: trim, NFC, lowercase", () => {
    expect(parse("  Ada.Lovelace@Example.COM ").data).toBe("ada.lovelace@example.com");
    expect(normalizeEmail("E\u0301milie@example.com")).toBe("\u00e9milie@example.com");
  });

  it.each([
    ["no @", "ada.example.com"],
    ["two @", "ada@lovelace@example.com"],
    ["a list", "a@x.com,b@y.com"],
    ["a semicolon list", "a@x.com;b@y.com"],
    ["a quoted local part", '"e@attacker.com"@victim.com'],
    ["the fullwidth @", "ada\uFF20example.com"],
    ["the small commercial @", "ada\uFE6Bexample.com"],
    ["a control character", "ada\u0000@example.com"],
    ["inner whitespace", "ada lovelace@example.com"],
    ["a domain without a dot", "ada@localhost"],
    ["an empty local part", "@example.com"],
    ["a leading dot", ".ada@example.com"],
    ["a zero-width space in the local part", "uni\u200Bcorn@example.com"],
    ["a zero-width joiner in the local part", "uni\u200Dcorn@example.com"],
    ["a soft hyphen in the local part", "uni\u00ADcorn@example.com"],
    ["a right-to-left override in the local part", "uni\u202Ecorn@example.com"],
    ["a left-to-right isolate in the domain", "unicorn@exa\u2066mple.com"],
    ["a variation selector", "unicorn\uFE0F@example.com"],
    ["an address over 254 characters", `${"a".repeat(60)}@${"b".repeat(190)}.com`],
  ])("refuses %s", (_label, email) => {
    const result = parse(email);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/\w/);
  });

  it.each([123, null, undefined, {}, ["a@b.co"]])("refuses the non-string %j", (value) => {
    expect(parse(value).success).toBe(false);
  });

  it("accepts plus addressing, subdomains and international domains", () => {
    expect(parse("ada+tag@mail.example.co.uk").success).toBe(true);
    expect(parse("ada@bücher.example").success).toBe(true);
  });
});
