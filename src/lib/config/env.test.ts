import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env";

const SECRET = "Kq3v9ZtR-x2LmP7wY_b8NcE4hJ6sUaGd";
const base = { SESSION_SECRET: SECRET };

/** The one line `parseEnv` refuses a source with. */
function refusal(source: Record<string, string>): string {
  try {
    parseEnv({ ...base, ...source });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).not.toContain("\n");
    return message;
  }
  throw new Error(`accepted ${JSON.stringify(source)}`);
}

describe("parseEnv", () => {
  it("applies the embedded defaults", () => {
    expect(parseEnv(base)).toMatchObject({
      NODE_ENV: "development",
      DATABASE_URL: "file:./data/app.db",
      SESSION_MAX_AGE: 12 * 3_600_000,
    });
  });

  it("refuses a missing, short or repetitive secret in one readable line", () => {
    expect(() => parseEnv({})).toThrow(ConfigError);
    expect(() => parseEnv({})).toThrow(/SESSION_SECRET is missing/);
    expect(refusal({ SESSION_SECRET: "short" })).toMatch(/SESSION_SECRET must be at least 32 characters/);
    expect(refusal({ SESSION_SECRET: "a".repeat(40) })).toMatch(/SESSION_SECRET is too predictable/);
  });

  it("refuses an unknown database scheme and a bad duration", () => {
    expect(refusal({ DATABASE_URL: "mysql://x" })).toMatch(/DATABASE_URL/);
    expect(refusal({ SESSION_MAX_AGE: "forever" })).toMatch(/SESSION_MAX_AGE/);
  });
});

describe("parseEnv: settings that contradict each other (issue 7 §2)", () => {
  it.each([
    [{ SESSION_IDLE_TIMEOUT: "45s" }, /SESSION_WARNING \(1m\) must be shorter than SESSION_IDLE_TIMEOUT \(45s\)/],
    [{ SESSION_IDLE_TIMEOUT: "60s", SESSION_WARNING: "60s" }, /SESSION_WARNING .* SESSION_IDLE_TIMEOUT/],
    [
      { SESSION_IDLE_TIMEOUT: "2h", SESSION_MAX_AGE: "1h" },
      /SESSION_IDLE_TIMEOUT \(2h\) must be at most SESSION_MAX_AGE \(1h\)/,
    ],
    [
      { THROTTLE_ACCOUNT_BASE_DELAY: "2h", THROTTLE_ACCOUNT_MAX_DELAY: "1h" },
      /THROTTLE_ACCOUNT_BASE_DELAY \(2h\) must be at most THROTTLE_ACCOUNT_MAX_DELAY \(1h\)/,
    ],
  ])("refuses %j naming both variables", (source, message) => {
    expect(refusal(source)).toMatch(message);
  });

  it("accepts the README's short-limit example and equal idle and absolute limits", () => {
    expect(() => parseEnv({ ...base, SESSION_IDLE_TIMEOUT: "90s", SESSION_WARNING: "30s" })).not.toThrow();
    expect(() => parseEnv({ ...base, SESSION_IDLE_TIMEOUT: "1h", SESSION_MAX_AGE: "1h" })).not.toThrow();
  });

  it("names every problem at once, on one line", () => {
    const message = refusal({ SESSION_IDLE_TIMEOUT: "2h", SESSION_MAX_AGE: "1h", SESSION_WARNING: "3h" });
    expect(message).toMatch(/SESSION_WARNING .*; SESSION_IDLE_TIMEOUT/);
  });
});

describe("parseEnv: sane bounds", () => {
  it.each([
    [{ SESSION_MAX_AGE: "25d" }, /SESSION_MAX_AGE must be at most 24d/],
    [{ SESSION_IDLE_TIMEOUT: "999999d" }, /SESSION_IDLE_TIMEOUT must be at most 24d/],
    [{ THROTTLE_ACCOUNT_MAX_DELAY: "30d" }, /THROTTLE_ACCOUNT_MAX_DELAY must be at most 24d/],
    [{ AUDIT_RETENTION: "4000d" }, /AUDIT_RETENTION must be at most 3650d/],
    // milli_tokens is a 32-bit integer column on PostgreSQL: 2147483 * 1000 still fits, one more does not.
    [{ THROTTLE_IP_BURST: "2147484" }, /THROTTLE_IP_BURST/],
    [{ THROTTLE_IP_BURST: "0" }, /THROTTLE_IP_BURST/],
    [{ THROTTLE_IP_PER_MINUTE: "1e9" }, /THROTTLE_IP_PER_MINUTE/],
    [{ TRUST_PROXY: "11" }, /TRUST_PROXY/],
  ])("refuses %j", (source, message) => {
    expect(refusal(source)).toMatch(message);
  });

  it("accepts the largest values that fit", () => {
    const largest = { SESSION_MAX_AGE: "24d", SESSION_IDLE_TIMEOUT: "24d", THROTTLE_IP_BURST: "2147483" };
    expect(parseEnv({ ...base, ...largest })).toMatchObject({ THROTTLE_IP_BURST: 2_147_483 });
  });
});

describe("parseEnv: production", () => {
  it("requires APP_ORIGIN, and takes it as an origin", () => {
    expect(refusal({ NODE_ENV: "production", SMTP_URL: "smtp://mail.example.com" })).toMatch(/APP_ORIGIN is missing/);
    expect(refusal({ NODE_ENV: "production", APP_ORIGIN: "https://app.example.com/path" })).toMatch(/APP_ORIGIN/);
    const config = parseEnv({
      ...base,
      NODE_ENV: "production",
      APP_ORIGIN: "https://app.example.com/",
      SMTP_URL: "smtp://mail.example.com",
    });
    expect(config.APP_ORIGIN).toBe("https://app.example.com");
  });

  it("does not require it in development", () => {
    expect(parseEnv(base).APP_ORIGIN).toBeUndefined();
  });
});

describe("parseEnv: mail (issue 12)", () => {
  const production = { NODE_ENV: "production", APP_ORIGIN: "https://app.example.com" };

  it("requires SMTP_URL in production, in one line", () => {
    expect(refusal(production)).toMatch(/^Invalid configuration: SMTP_URL is missing: in production set it/);
  });

  it("takes smtp:// and smtps:// URLs only, and never repeats one in the refusal", () => {
    expect(parseEnv({ ...base, ...production, SMTP_URL: "smtps://u:p@mail.example.com:465" }).SMTP_URL).toBe(
      "smtps://u:p@mail.example.com:465",
    );
    for (const url of ["http://u:hunter2@mail.example.com", "mail.example.com:587", "smtp://"]) {
      const message = refusal({ SMTP_URL: url });
      expect(message).toMatch(/SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
      expect(message).not.toContain("hunter2");
    }
  });

  it("does without SMTP in development, and defaults the reset link's life to 30 minutes", () => {
    const config = parseEnv(base);
    expect(config.SMTP_URL).toBeUndefined();
    expect(config.PASSWORD_RESET_TTL).toBe(30 * 60_000);
    expect(parseEnv({ ...base, PASSWORD_RESET_TTL: "1h" }).PASSWORD_RESET_TTL).toBe(3_600_000);
    expect(refusal({ PASSWORD_RESET_TTL: "2d" })).toMatch(/PASSWORD_RESET_TTL must be at most 1d/);
  });

  it("checks MAIL_FROM", () => {
    expect(parseEnv({ ...base, MAIL_FROM: "Iron Gate <gate@example.com>" }).MAIL_FROM).toBe(
      "Iron Gate <gate@example.com>",
    );
    expect(parseEnv({ ...base, MAIL_FROM: "gate@example.com" }).MAIL_FROM).toBe("gate@example.com");
    expect(refusal({ MAIL_FROM: "not an address" })).toMatch(/MAIL_FROM must be an address/);
  });
});
