import { describe, expect, it } from "vitest";
import { parseSessionSecrets, sealPasswordId } from "./session-secrets";

const A = "a".repeat(32);
const B = "b".repeat(40);

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
    [`1:short`, undefined, /id 1 must be at least 32/],
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
