import { describe, expect, it } from "vitest";
import { formatLine, redact } from "./logger";

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

describe("formatLine", () => {
  it("never lets a field rename the line's event, level or time", () => {
    const line = JSON.parse(
      formatLine("error", "audit_write_failed", { event: "session_expired", level: "info", time: "x", ok: 1 }),
    );
    expect(line).toMatchObject({ event: "audit_write_failed", level: "error", ok: 1 });
    expect(line.time).not.toBe("x");
    expect(line).toMatchObject({ field_event: "session_expired", field_level: "info", field_time: "x" });
  });
});
