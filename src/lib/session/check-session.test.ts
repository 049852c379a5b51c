import { describe, expect, it } from "vitest";
import { acceptedVersion } from "./check-session";
import { newSessionData } from "./session-data";

const SID = "kept-session-id-0000";
const data = (ver: number, sid = SID) => ({ ...newSessionData({ id: "user", sessionVersion: ver }, 1_000), sid });
const kept = { sid: SID, version: 3 };
const proof = { sid: SID, ver: 3 };

describe("acceptedVersion", () => {
  it("accepts the current version, and refuses older ones of other sessions", () => {
    expect(acceptedVersion(data(3), 3, null, null)).toBe(3);
    expect(acceptedVersion(data(2), 3, null, null)).toBeNull();
    expect(
      acceptedVersion(data(2, "another-session-id-00"), 3, kept, { ...proof, sid: "another-session-id-00" }),
    ).toBeNull();
  });

  it("accepts the kept session one version back (a re-seal in flight) beside its proof, upgraded", () => {
    expect(acceptedVersion(data(2), 3, kept, proof)).toBe(3);
  });

  it("refuses a copy of the kept session taken before the bump: it has no proof (R15, R17)", () => {
    expect(acceptedVersion(data(2), 3, kept, null)).toBeNull();
    expect(acceptedVersion(data(2), 3, kept, { ...proof, ver: 2 })).toBeNull();
    expect(acceptedVersion(data(2), 3, kept, { ...proof, sid: "another-session-id-00" })).toBeNull();
  });

  it("refuses it two versions back, or once a later bump kept nothing", () => {
    expect(acceptedVersion(data(1), 3, kept, proof)).toBeNull();
    expect(acceptedVersion(data(2), 4, kept, proof)).toBeNull();
  });
});
