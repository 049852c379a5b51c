import { describe, expect, it } from "vitest";
import { hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode } from "./recovery-codes";

describe("recovery codes", () => {
  it("ten different codes of the form xxxxx-xxxxx", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[2-9a-hjkmnp-z]{5}-[2-9a-hjkmnp-z]{5}$/);
  });

  it("the hash ignores case, spaces and dashes, and is not the code", () => {
    const [code = ""] = newRecoveryCodes();
    const hash = hashRecoveryCode(code);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(code.replace("-", ""));
    expect(hashRecoveryCode(` ${code.toUpperCase().replace("-", " ")} `)).toBe(hash);
  });

  it("refuses what cannot be a code", () => {
    expect(normaliseRecoveryCode("short")).toBeNull();
    expect(normaliseRecoveryCode("0000000000")).toBeNull();
    expect(hashRecoveryCode("")).toBeNull();
  });
});
