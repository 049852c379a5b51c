import { describe, expect, it, vi } from "vitest";
import { log, redact } from "./logger";

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

describe("log lines", () => {
  it("never let a field rename the line's event, level or time", () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((line: string) => void lines.push(line));
    try {
      log.error("audit_write_failed", { event: "session_expired", level: "info", time: "x", ok: 1 });
    } finally {
      spy.mockRestore();
    }
    const line = JSON.parse(lines[0] ?? "{}");
    expect(line).toMatchObject({ event: "audit_write_failed", level: "error", ok: 1 });
    expect(line.time).not.toBe("x");
    expect(line).toMatchObject({ field_event: "session_expired", field_level: "info", field_time: "x" });
  });
});
