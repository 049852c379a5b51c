import { describe, expect, it } from "vitest";
import { logoutMessage, SIGN_IN_TO_CONTINUE } from "./logout-reason";

describe("logoutMessage", () => {
  it("names each reason, and never tells a removed account that it changed its password", () => {
    expect(logoutMessage("expired")).toMatch(/inactivity/);
    expect(logoutMessage("ended")).toMatch(/time limit/);
    expect(logoutMessage("signed-out-elsewhere")).toBe("You signed out in another tab.");
    expect(logoutMessage("signed-out-everywhere")).toMatch(/every device/);
    expect(logoutMessage("revoked")).toMatch(/another device or by a password change/);
    expect(logoutMessage("removed")).toMatch(/no longer available/);
    expect(logoutMessage("removed")).not.toMatch(/password/);
    expect(logoutMessage("account-deleted")).toMatch(/account was deleted/);
  });

  it("a bounce from a protected page says 'Sign in to continue'; unknown reasons are ignored", () => {
    expect(logoutMessage(undefined, "/private")).toBe(SIGN_IN_TO_CONTINUE);
    expect(logoutMessage("<script>", "/private")).toBe(SIGN_IN_TO_CONTINUE);
    expect(logoutMessage("<script>")).toBeNull();
    expect(logoutMessage(undefined, ["/a", "/b"])).toBeNull();
    expect(logoutMessage("expired", "/private")).toMatch(/inactivity/);
  });
});
