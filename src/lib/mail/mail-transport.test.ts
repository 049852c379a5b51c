import { afterEach, describe, expect, it, vi } from "vitest";
import { createMailTransport } from "./mail-transport";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the dev outbox", () => {
  it("logs one line per message, its subject and recipient, never its body or link, and keeps the body", async () => {
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => lines.push(line));
    const transport = createMailTransport({ kind: "dev_outbox" }, "gate@example.com");
    await transport.send({
      id: "m1",
      recipient: "ada@example.com",
      subject: "Reset your password (Iron Gate)",
      textBody: "http://localhost:3000/reset-password?token=SECRET-TOKEN",
      htmlBody: "<a href='http://localhost:3000/reset-password?token=SECRET-TOKEN'>x</a>",
      attempts: 0,
    });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({
      event: "mail_dev_outbox",
      subject: "Reset your password (Iron Gate)",
      to: "ada@example.com",
    });
    expect(lines[0]).not.toContain("SECRET-TOKEN");
    expect(transport.keepsBodies).toBe(true);
    expect(createMailTransport({ kind: "smtp", url: "smtp://127.0.0.1:1" }, "g@example.com").keepsBodies).toBe(false);
  });
});
