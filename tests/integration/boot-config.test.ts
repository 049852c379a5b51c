import { describe, expect, it } from "vitest";
import { bootServer, refusalLines } from "../support/boot-process";

/**
 * Issue 7 §2 and §3, issue 8 §6: a production start with settings that contradict each other, no
 * `APP_ORIGIN`, or a guessable secret stops with a non-zero exit and one line that names what to change,
 * before it serves anything.
 */
async function expectRefusal(name: string, env: Record<string, string | undefined>, pattern: RegExp): Promise<void> {
  const outcome = await bootServer(name, { env });
  expect(outcome.kind, `it served with ${JSON.stringify(env)}`).toBe("exited");
  if (outcome.kind !== "exited") return;
  expect(outcome.code).not.toBe(0);
  expect(outcome.code).not.toBeNull();
  const lines = refusalLines(outcome);
  expect(lines, lines.join("\n")).toHaveLength(1);
  expect(lines[0]).toMatch(/^Iron Gate cannot start: /);
  expect(lines[0]).toMatch(pattern);
}

describe("boot refusals", { timeout: 90_000 }, () => {
  it("SESSION_IDLE_TIMEOUT=45s with the default 60s warning: names both variables", async () => {
    await expectRefusal(
      "warning",
      { SESSION_IDLE_TIMEOUT: "45s" },
      /SESSION_WARNING \(1m\) must be shorter than SESSION_IDLE_TIMEOUT \(45s\)/,
    );
  });

  it("production without APP_ORIGIN", async () => {
    await expectRefusal("no-origin", { APP_ORIGIN: undefined }, /APP_ORIGIN is missing/);
  });

  it("production without SMTP_URL (issue 12 §1), and with a URL that is not SMTP, never echoing it", async () => {
    await expectRefusal("no-smtp", { SMTP_URL: undefined }, /SMTP_URL is missing: in production set it/);
    const outcome = await bootServer("bad-smtp", { env: { SMTP_URL: "http://ada:hunter2@mail.example.com" } });
    expect(outcome.kind).toBe("exited");
    if (outcome.kind === "exited") {
      expect(refusalLines(outcome)).toEqual([expect.stringMatching(/SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/)]);
      expect(`${outcome.stdout}${outcome.stderr}`).not.toContain("hunter2");
    }
  });

  it("SESSION_SECRET of forty a: too predictable, like a short one", async () => {
    await expectRefusal("weak-secret", { SESSION_SECRET: "a".repeat(40) }, /SESSION_SECRET is too predictable/);
  });

  it("a valid production configuration serves", async () => {
    expect((await bootServer("valid")).kind).toBe("served");
  });
});
