import { describe, expect, it } from "vitest";
import { estimatedBits, MIN_SECRET_BITS, parseSessionSecrets, sealPasswordId } from "./session-secrets";

// Fixed, varied strings: the entropy guard must accept them as it accepts real random secrets.
const A = "Kq3v9ZtR-x2LmP7wY_b8NcE4hJ6sUaGd";
const B = "p4T_zQ9mW2rX7kV-cL8nB3yH6fJ1gS5dA0eUo";

describe("parseSessionSecrets (R20)", () => {
  it("makes SESSION_SECRET alone id 1", () => {
    expect(parseSessionSecrets(undefined, A)).toEqual({ passwords: { "1": A }, currentId: "1" });
  });

  it("reads a list, in any order, and seals with the highest id", () => {
    expect(parseSessionSecrets(`2:${B}, 10:${A}`, undefined)).toEqual({
      passwords: { "2": B, "10": A },
      currentId: "10",
    });
  });

  it("prefers the list over the single secret", () => {
    expect(parseSessionSecrets(`3:${B}`, A)).toMatchObject({ currentId: "3" });
  });

  it.each([
    [undefined, undefined, /SESSION_SECRET is missing/],
    [undefined, "short", /at least 32/],
    [undefined, "a".repeat(40), /SESSION_SECRET is too predictable/],
    [undefined, "ab".repeat(20), /SESSION_SECRET is too predictable/],
    [`1:short`, undefined, /id 1 must be at least 32/],
    [`1:${A},2:${"a".repeat(40)}`, undefined, /id 2 is too predictable/],
    [`x:${A}`, undefined, /must look like/],
    [`0:${A}`, undefined, /must look like/],
    [A, undefined, /must look like/],
    [`1:${A},1:${B}`, undefined, /twice/],
  ])("refuses %j / %j", (list, single, message) => {
    expect(parseSessionSecrets(list, single)).toMatch(message);
  });

  it("reads the password id of a seal", () => {
    expect(sealPasswordId("Fe26.2*12*salt*iv*data*exp*hsalt*hmac~2")).toBe("12");
    expect(sealPasswordId("garbage")).toBeNull();
  });
});

describe("estimatedBits", () => {
  it("counts repetition, not length", () => {
    expect(estimatedBits("a".repeat(40))).toBe(0);
    expect(estimatedBits("ab".repeat(20))).toBe(40);
    expect(estimatedBits("abcd".repeat(8))).toBe(64);
  });

  it("passes what npm run secret and 16 random bytes in hex give", async () => {
    const { generateSecret } = await import("./dev-secret");
    const { randomBytes } = await import("node:crypto");
    for (let i = 0; i < 200; i++) {
      expect(estimatedBits(generateSecret())).toBeGreaterThanOrEqual(MIN_SECRET_BITS);
      expect(estimatedBits(randomBytes(16).toString("hex"))).toBeGreaterThanOrEqual(MIN_SECRET_BITS);
    }
  });
});
