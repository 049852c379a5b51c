import { describe, expect, it } from "vitest";
import { amrLabel } from "./amr-label";

describe("amrLabel", () => {
  it("names each method, in order", () => {
    expect(amrLabel(["pwd"])).toBe("Password");
    expect(amrLabel(["pwd", "otp"])).toBe("Password + authenticator code");
    expect(amrLabel(["pwd", "rec"])).toBe("Password + recovery code");
  });
});
