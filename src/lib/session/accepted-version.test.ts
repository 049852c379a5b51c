import { describe, expect, it } from "vitest";
import { acceptedVersion } from "./resolve-session";
import { newSessionData } from "./session-data";

const data = (ver: number, sid = "kept-session-id-0000") => ({
  ...newSessionData({ id: "user", sessionVersion: ver }, 1_000),
  sid,
});

describe("acceptedVersion", () => {
  it("accepts the current version, and refuses older ones of other sessions", () => {
    expect(acceptedVersion(data(3), 3, null)).toBe(3);
    expect(acceptedVersion(data(2), 3, null)).toBeNull();
    expect(
      acceptedVersion(data(2, "another-session-id-00"), 3, { sid: "kept-session-id-0000", version: 3 }),
    ).toBeNull();
  });

  it("accepts the kept session one version back (a re-seal in flight), upgraded to the current one", () => {
    expect(acceptedVersion(data(2), 3, { sid: "kept-session-id-0000", version: 3 })).toBe(3);
  });

  it("refuses it two versions back, or once a later bump kept nothing", () => {
    expect(acceptedVersion(data(1), 3, { sid: "kept-session-id-0000", version: 3 })).toBeNull();
    expect(acceptedVersion(data(2), 4, { sid: "kept-session-id-0000", version: 3 })).toBeNull();
  });
});
