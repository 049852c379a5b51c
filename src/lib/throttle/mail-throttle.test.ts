import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/database";
import { admitMail } from "./mail-throttle";

// Runs on SQLite (unit) and on PostgreSQL (data-postgres, vitest.config.ts).
const budget = { perIpPerHour: 5, perEmailPerHour: 3 };
let n = 0;
const unique = (): string => `${Date.now()}-${++n}`;

describe("admitMail", { timeout: 30_000 }, () => {
  it("lets 3 messages an hour go to one email, then one more each 20 minutes", async () => {
    const database = await db();
    const email = `budget-${unique()}@example.com`;
    const at = Date.now();
    const ask = (ip: string, when: number) => admitMail(database, { kind: "reset", ip, email }, budget, when);
    const verdicts = [];
    for (let i = 0; i < 4; i++) verdicts.push(await ask(`192.0.2.${i}`, at));
    expect(verdicts).toEqual([true, true, true, false]);
    expect(await ask("192.0.2.9", at + 19 * 60_000)).toBe(false);
    expect(await ask("192.0.2.9", at + 20 * 60_000)).toBe(true);
  });

  it("limits one client address across emails, and a refused client spends nothing of the email's", async () => {
    const database = await db();
    const ip = `198.51.100.${n % 250}`;
    const at = Date.now() + 10 * 86_400_000 + n;
    const tag = unique();
    const verdicts = [];
    for (let i = 0; i < 6; i++) {
      verdicts.push(await admitMail(database, { kind: `ip-${tag}`, ip, email: `c${i}@example.com` }, budget, at));
    }
    expect(verdicts).toEqual([true, true, true, true, true, false]);
    // c5 was refused by the address: its own budget is whole for another client.
    const other = { kind: `ip-${tag}`, email: "c5@example.com" };
    for (let i = 0; i < 3; i++)
      expect(await admitMail(database, { ...other, ip: `203.0.113.${i}` }, budget, at)).toBe(true);
  });

  it("keeps kinds apart", async () => {
    const database = await db();
    const email = `kinds-${unique()}@example.com`;
    for (let i = 0; i < 3; i++) await admitMail(database, { kind: "reset", ip: "192.0.2.50", email }, budget);
    expect(await admitMail(database, { kind: "reset", ip: "192.0.2.51", email }, budget)).toBe(false);
    expect(await admitMail(database, { kind: "verify", ip: "192.0.2.51", email }, budget)).toBe(true);
  });
});
