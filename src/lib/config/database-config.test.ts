import { describe, expect, it } from "vitest";
import { ConfigError, databaseConfig } from "./env";

const PG = "postgres://app@db.internal:5432/iron_gate";

describe("databaseConfig (issue 10)", () => {
  it("takes postgres:// and postgresql:// URLs, with defaults for a small deployment", () => {
    expect(databaseConfig({ DATABASE_URL: PG })).toEqual({
      DATABASE_URL: PG,
      DATABASE_POOL_MAX: 10,
      DATABASE_CONNECT_TIMEOUT: 5_000,
      DATABASE_STATEMENT_TIMEOUT: 5_000,
      DATABASE_IDLE_TX_TIMEOUT: 10_000,
      SESSION_CACHE_TTL: 5_000,
    });
    expect(databaseConfig({ DATABASE_URL: "postgresql://app@db/iron_gate?sslmode=verify-full" }).DATABASE_URL).toMatch(
      /^postgresql:/,
    );
  });

  it("bounds the session cache's TTL (issue 14)", () => {
    expect(databaseConfig({ DATABASE_URL: PG, SESSION_CACHE_TTL: "60s" }).SESSION_CACHE_TTL).toBe(60_000);
    expect(() => databaseConfig({ DATABASE_URL: PG, SESSION_CACHE_TTL: "61s" })).toThrow(/SESSION_CACHE_TTL/);
  });

  it("reads the pool size and the timeouts", () => {
    const config = databaseConfig({
      DATABASE_URL: PG,
      DATABASE_POOL_MAX: "25",
      DATABASE_CONNECT_TIMEOUT: "2s",
      DATABASE_STATEMENT_TIMEOUT: "30s",
      DATABASE_IDLE_TX_TIMEOUT: "1m",
    });
    expect(config).toMatchObject({
      DATABASE_POOL_MAX: 25,
      DATABASE_CONNECT_TIMEOUT: 2_000,
      DATABASE_STATEMENT_TIMEOUT: 30_000,
      DATABASE_IDLE_TX_TIMEOUT: 60_000,
    });
  });

  it("refuses a pool out of bounds, a bad timeout and a mistyped sslmode, naming the setting", () => {
    const bad =
      (extra: Record<string, string>): (() => unknown) =>
      () =>
        databaseConfig({ DATABASE_URL: PG, ...extra });
    expect(bad({ DATABASE_POOL_MAX: "0" })).toThrow(/DATABASE_POOL_MAX/);
    expect(bad({ DATABASE_POOL_MAX: "many" })).toThrow(ConfigError);
    expect(bad({ DATABASE_STATEMENT_TIMEOUT: "5" })).toThrow(/DATABASE_STATEMENT_TIMEOUT/);
    expect(bad({ DATABASE_URL: `${PG}?sslmode=requre` })).toThrow(/DATABASE_URL sslmode must be one of/);
    expect(bad({ DATABASE_URL: "postgres://[bad" })).toThrow(/DATABASE_URL/);
  });
});
