import { sql } from "kysely";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { databaseConfig } from "@/lib/config/env";
import { asAdmin, postgresForTests, postgresSuite } from "../../../tests/support/postgres";
import { freshPostgresDatabase } from "../../../tests/support/postgres-database";
import { connectDatabase } from "./database";
import { isRetryableTransactionError, isUnavailable, isUniqueViolation } from "./errors";
import { transaction } from "./transaction";

const postgres = await postgresForTests();

const failure = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => error,
  );

/** Two raw sessions in SERIALIZABLE that read and then write the same row: the second to write loses. */
async function serializationFailure(url: string): Promise<unknown> {
  const [a, b] = [new pg.Client(url), new pg.Client(url)];
  await Promise.all([a.connect(), b.connect()]);
  try {
    await a.query("create table if not exists counters (id int primary key, n int)");
    await a.query("insert into counters values (1, 0) on conflict do nothing");
    for (const client of [a, b]) {
      await client.query("begin isolation level serializable");
      await client.query("select n from counters where id = 1");
    }
    await a.query("update counters set n = n + 1 where id = 1");
    const lost = failure(b.query("update counters set n = n + 1 where id = 1"));
    await a.query("commit");
    return await lost;
  } finally {
    await Promise.all([a.end(), b.end()]);
  }
}

/** Two raw sessions that each lock a row and then want the other's. */
async function deadlock(url: string): Promise<unknown> {
  const [a, b] = [new pg.Client(url), new pg.Client(url)];
  await Promise.all([a.connect(), b.connect()]);
  try {
    await a.query("create table if not exists pair (id int primary key)");
    await a.query("insert into pair values (1), (2) on conflict do nothing");
    await a.query("begin");
    await b.query("begin");
    await a.query("select * from pair where id = 1 for update");
    await b.query("select * from pair where id = 2 for update");
    const outcomes = await Promise.allSettled([
      a.query("select * from pair where id = 2 for update"),
      b.query("select * from pair where id = 1 for update"),
    ]);
    const rejected = outcomes.find((outcome) => outcome.status === "rejected");
    return rejected?.status === "rejected" ? rejected.reason : new Error("no deadlock");
  } finally {
    await Promise.allSettled([a.query("rollback"), b.query("rollback")]);
    await Promise.all([a.end(), b.end()]);
  }
}

describe.skipIf(!postgres.available)(
  postgresSuite("PostgreSQL failures, classified (issue 10 §3)", postgres),
  { timeout: 30_000 },
  () => {
    const fresh = freshPostgresDatabase();

    it("a statement past the statement timeout (57014) is unavailable, not a bug", async () => {
      const error = await failure(
        fresh.db.connection().execute(async (connection) => {
          await sql`set statement_timeout = 1`.execute(connection);
          try {
            await sql`select pg_sleep(1)`.execute(connection);
          } finally {
            await sql`reset statement_timeout`.execute(connection);
          }
        }),
      );
      expect(error).toMatchObject({ code: "57014" });
      expect(isUnavailable(error)).toBe(true);
    });

    it("a connection killed mid-statement (pg_terminate_backend) is unavailable, and the pool recovers", async () => {
      // One connection, so the next query would get the dead one back if the pool kept it.
      const single = connectDatabase(fresh.database.url, {
        ...databaseConfig(),
        DATABASE_URL: fresh.database.url,
        DATABASE_POOL_MAX: 1,
      });
      try {
        const error = await single.connection().execute(async (connection) => {
          const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(connection);
          const sleeping = failure(sql`select pg_sleep(5)`.execute(connection));
          await asAdmin((client) => client.query("select pg_terminate_backend($1)", [rows[0]?.pid]));
          return sleeping;
        });
        expect(error).toMatchObject({ code: "57P01" });
        expect(isUnavailable(error)).toBe(true);
        expect(await sql<{ one: number }>`select 1 as one`.execute(single)).toMatchObject({ rows: [{ one: 1 }] });
      } finally {
        await single.destroy();
      }
    });

    it("every idle connection killed at once: the next query gets a fresh one, the process keeps running", async () => {
      await Promise.all(Array.from({ length: 4 }, () => sql`select pg_sleep(0.05)`.execute(fresh.db)));
      await asAdmin((client) =>
        client.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1", [
          fresh.database.name,
        ]),
      );
      // The pool's "error" listener swallows the idle clients' deaths; without it this process would crash.
      await expect
        .poll(async () => (await sql<{ one: number }>`select 1 as one`.execute(fresh.db)).rows)
        .toEqual([{ one: 1 }]);
    });

    it("connection refused (ECONNREFUSED) is unavailable", async () => {
      const nowhere = connectDatabase("postgres://postgres@127.0.0.1:1/nowhere");
      const error = await failure(sql`select 1`.execute(nowhere));
      expect(isUnavailable(error)).toBe(true);
      await nowhere.destroy();
    });

    it("a pool with every connection busy past the connect timeout is unavailable", async () => {
      const config = {
        ...databaseConfig(),
        DATABASE_URL: fresh.database.url,
        DATABASE_POOL_MAX: 1,
        DATABASE_CONNECT_TIMEOUT: 200,
      };
      const small = connectDatabase(fresh.database.url, config);
      const busy = sql`select pg_sleep(1)`.execute(small);
      const error = await failure(sql`select 1`.execute(small));
      expect(isUnavailable(error)).toBe(true);
      await busy;
      await small.destroy();
    });

    it("a serialization failure (40001) and a deadlock (40P01) are retryable and unavailable", async () => {
      const lost = await serializationFailure(fresh.database.url);
      expect(lost).toMatchObject({ code: "40001" });
      const stuck = await deadlock(fresh.database.url);
      expect(stuck).toMatchObject({ code: "40P01" });
      for (const error of [lost, stuck]) {
        expect(isRetryableTransactionError(error)).toBe(true);
        expect(isUnavailable(error)).toBe(true);
      }
    });

    it("transaction() runs the body again after a serialization failure, and then succeeds", async () => {
      await sql`create table if not exists tally (id int primary key, n int)`.execute(fresh.db);
      await sql`insert into tally values (1, 0)`.execute(fresh.db);
      let attempts = 0;
      const result = await transaction(fresh.db, async (trx) => {
        attempts++;
        await sql`set transaction isolation level serializable`.execute(trx);
        await sql`select n from tally where id = 1`.execute(trx);
        // Someone else writes the row between our read and our write, the first time only.
        if (attempts === 1) await asAdminOn(fresh.database.url, "update tally set n = n + 10 where id = 1");
        await sql`update tally set n = n + 1 where id = 1`.execute(trx);
        return attempts;
      });
      expect(result).toBe(2);
      const { rows } = await sql<{ n: number }>`select n from tally where id = 1`.execute(fresh.db);
      expect(rows).toEqual([{ n: 11 }]);
    });

    it("a unique violation (23505) is a conflict, not unavailable", async () => {
      await sql`create table if not exists once (id int primary key)`.execute(fresh.db);
      await sql`insert into once values (1)`.execute(fresh.db);
      const error = await failure(sql`insert into once values (1)`.execute(fresh.db));
      expect(isUniqueViolation(error)).toBe(true);
      expect(isUnavailable(error)).toBe(false);
    });
  },
);

async function asAdminOn(url: string, statement: string): Promise<void> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
