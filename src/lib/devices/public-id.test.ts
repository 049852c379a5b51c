import { describe, expect, it } from "vitest";
import { newSessionData } from "@/lib/session/session-data";
import { isPublicSessionId, publicSessionId } from "./public-id";

describe("public device ids (README, 'Devices')", () => {
  it("are stable, of a fixed shape, and never the session id", () => {
    const { sid } = newSessionData({ id: "u1", sessionVersion: 1 });
    const id = publicSessionId(sid);
    expect(publicSessionId(sid)).toBe(id);
    expect(isPublicSessionId(id)).toBe(true);
    expect(id).not.toBe(sid);
    expect(sid).not.toContain(id);
    expect(publicSessionId(newSessionData({ id: "u1", sessionVersion: 1 }).sid)).not.toBe(id);
  });

  it("refuse anything else before any lookup", () => {
    for (const value of ["", "short", "x".repeat(23), "AAAAAAAAAAAAAAAAAAAA/A", "AAAAAAAAAAAAAAAAAAAAA\n"]) {
      expect(isPublicSessionId(value)).toBe(false);
    }
  });
});
