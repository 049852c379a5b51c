import { describe, expect, it } from "vitest";
import { ConfigError, isSupportedNode, parseEnv } from "./env";

const SECRET = "x".repeat(32);

describe("parseEnv", () => {
  it("applies the embedded defaults", () => {
    expect(parseEnv({ SESSION_SECRET: SECRET })).toMatchObject({
      NODE_ENV: "development",
      DATABASE_URL: "file:./data/app.db",
      SESSION_MAX_AGE: 12 * 3_600_000,
    });
  });

  it("refuses a missing or short secret in one readable line", () => {
    expect(() => parseEnv({})).toThrow(ConfigError);
    expect(() => parseEnv({})).toThrow(/SESSION_SECRET is missing/);
    expect(() => parseEnv({ SESSION_SECRET: "short" })).toThrow(/SESSION_SECRET must be at least 32 characters/);
  });

  it("refuses an unknown database scheme and a bad duration", () => {
    expect(() => parseEnv({ SESSION_SECRET: SECRET, DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ SESSION_SECRET: SECRET, SESSION_MAX_AGE: "forever" })).toThrow(/SESSION_MAX_AGE/);
  });
});

describe("isSupportedNode", () => {
  it("needs 24.7 or newer", () => {
    expect(isSupportedNode("20.20.2")).toBe(false);
    expect(isSupportedNode("24.6.0")).toBe(false);
    expect(isSupportedNode("24.7.0")).toBe(true);
    expect(isSupportedNode("26.1.0")).toBe(true);
    expect(isSupportedNode(process.versions.node)).toBe(true);
  });
});
