import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bumpSessionVersion, recordEndedSession } from "@/lib/session/session-store";
import type { ThrottlePolicy } from "@/lib/throttle/throttle-policy";
import { admitAttempt } from "@/lib/throttle/throttle-store";
import { createUser } from "@/lib/users/user-repository";
import { enginesUnderTest } from "../../../tests/support/engines";
import { connectDatabase, type Db, openDatabase } from "./database";

/**
 * Decisions that must hold when many requests race, on both engines, spread over two "instances" (two
 * connections or pools to one database, as two app servers would have). Each of these fails on PostgreSQL
 * when its guard is removed (the row lock, the unique index, the in-SQL increment).
 */
const policy: ThrottlePolicy = {
  ipBurst: 3,
  ipPerMinute: 1,
  accountFreeFailures: 5,
  accountBaseDelayMs: 60_000,
  accountMaxDelayMs: 3_600_000,
};

const engines = await enginesUnderTest();

describe.each(engines)("races on $name", (engine) => {
  describe.skipIf(engine.skip)(engine.title, { timeout: 30_000 }, () => {
    let drop: () => Promise<void>;
    let url: string;
    let instances: Db[];
    const spread = <T>(count: number, run: (db: Db, i: number) => Promise<T>): Promise<T[]> =>
      Promise.all(Array.from({ length: count }, (_, i) => run(instances[i % instances.length] as Db, i)));

    beforeAll(async () => {
      const fresh = await engine.fresh();
      drop = fresh.drop;
      url = fresh.url;
      const first = await openDatabase(fresh.url);
      instances = [first, connectDatabase(fresh.url)];
    }, 30_000);
    afterAll(async () => {
      await Promise.all((instances ?? []).map((instance) => instance.destroy()));
      await drop?.();
    }, 30_000);

    it("16 attempts on one account at once: exactly the free failures get through", async () => {
      const verdicts = await spread(16, (db, i) =>
        admitAttempt(db, { ip: `198.51.100.${i}`, account: "race@example.com" }, policy),
      );
      expect(verdicts.filter((verdict) => verdict.ok)).toHaveLength(policy.accountFreeFailures);
      const row = await instances[0]
        ?.selectFrom("throttles")
        .select("failures")
        .where("key", "=", "account:race@example.com")
        .executeTakeFirstOrThrow();
      expect(row?.failures).toBe(policy.accountFreeFailures); // none lost, none counted twice
    });

    it("12 attempts from one address at once: exactly the burst gets through", async () => {
      const verdicts = await spread(12, (db) => admitAttempt(db, { ip: "192.0.2.99" }, policy));
      expect(verdicts.filter((verdict) => verdict.ok)).toHaveLength(policy.ipBurst);
    });

    it("20 sign-ups of one email at once: one account, every other answer email_taken", async () => {
      const results = await spread(20, (db) =>
        createUser(db, { email: "taken@example.com", name: null, passwordHash: "h" }),
      );
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.filter((result) => !result.ok && result.reason === "email_taken")).toHaveLength(19);
    });

    it("10 sign-outs of one session at once: one record, no error", async () => {
      const created = await createUser(instances[0] as Db, { email: "out@example.com", name: null, passwordHash: "h" });
      if (!created.ok) throw new Error("setup");
      await spread(10, (db) => recordEndedSession(db, "sid-race", created.user.id, Date.now() + 60_000));
      const rows = await instances[0]
        ?.selectFrom("endedSessions")
        .select("sid")
        .where("sid", "=", "sid-race")
        .execute();
      expect(rows).toHaveLength(1);
    });

    it("10 sessionVersion bumps at once: each one counted, each caller told a different version", async () => {
      const created = await createUser(instances[0] as Db, {
        email: "bump@example.com",
        name: null,
        passwordHash: "h",
      });
      if (!created.ok) throw new Error("setup");
      const versions = await spread(10, (db) => bumpSessionVersion(db, created.user.id));
      expect(new Set(versions).size).toBe(10);
      expect(Math.max(...versions)).toBe(created.user.sessionVersion + 10);
    });

    it.runIf(engine.name === "postgres")(
      "a sign-out racing the removal of its user records nothing, and fails not",
      async () => {
        const created = await createUser(instances[0] as Db, {
          email: "gone@example.com",
          name: null,
          passwordHash: "h",
        });
        if (!created.ok) throw new Error("setup");
        const remover = new pg.Client(url);
        await remover.connect();
        try {
          await remover.query("begin");
          await remover.query("delete from users where id = $1", [created.user.id]);
          // The insert-select still sees the user; its foreign-key check waits for the removal, then fails.
          const signOut = recordEndedSession(instances[1] as Db, "sid-gone", created.user.id, Date.now() + 60_000);
          await expect
            .poll(async () => {
              const { rows } = await remover.query(
                "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
              );
              return rows[0].n;
            })
            .toBeGreaterThan(0);
          await remover.query("commit");
          await expect(signOut).resolves.toBeUndefined();
        } finally {
          await remover.end();
        }
        const rows = await instances[0]
          ?.selectFrom("endedSessions")
          .select("sid")
          .where("sid", "=", "sid-gone")
          .execute();
        expect(rows).toEqual([]);
      },
    );
  });
});
