import { describe, expect, it } from "vitest";
import { redact } from "./logger";

describe("redact (R45)", () => {
  it("hides secrets at any depth and keeps the rest", () => {
    const input = {
      email: "ada@example.com",
      password: "hunter2hunter2hunter2",
      nested: { Cookie: "__Host-iron-gate-session=Fe26.2*…", authorization: "Bearer x", list: [{ newPassword: "x" }] },
      passwordHash: "$argon2id$…",
    };
    expect(redact(input)).toEqual({
      email: "ada@example.com",
      password: "[redacted]",
      nested: { Cookie: "[redacted]", authorization: "[redacted]", list: [{ newPassword: "[redacted]" }] },
      passwordHash: "[redacted]",
    });
  });

  it("turns errors into plain fields", () => {
    expect(redact(new TypeError("boom"))).toMatchObject({ name: "TypeError", message: "boom" });
  });
});
