import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { postgresForTests, postgresSuite, terminateConnections, withConnection } from "../../../tests/support/postgres";
import { freshPostgresDatabase } from "../../../tests/support/postgres-database";
import { PostgresRevocationFeed } from "./postgres-revocation-feed";

const postgres = await postgresForTests();

/** Records what the feed tells the cache. */
function recorder(): { drops: string[]; clears: number; dropUser(id: string): void; clear(): void } {
  return {
    drops: [],
    clears: 0,
    dropUser(id) {
      this.drops.push(id);
    },
    clear() {
      this.clears++;
    },
  };
}

async function until(what: string, ok: () => boolean, ms = 5_000): Promise<void> {
  const started = Date.now();
  while (!ok()) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms: ${what}`);
    await sleep(20);
  }
}

describe.skipIf(!postgres.available)(
  postgresSuite("the PostgreSQL revocation feed (issue 14 §2, migration 0012)", postgres),
  { timeout: 30_000 },
  () => {
    const fresh = freshPostgresDatabase();

    it("is current once listening, and hears every users update/delete and ended_sessions insert by user id", async () => {
      const heard = recorder();
      const feed = new PostgresRevocationFeed(fresh.database.url, heard);
      try {
        await until("listening", () => feed.token() !== null);
        expect(heard.clears).toBe(1);
        const user = { name: null, passwordHash: "h", isAdmin: false, createdAt: 1 };
        await fresh.db
          .insertInto("users")
          .values({ id: "feed-u1", email: "feed1@example.com", ...user })
          .execute();
        await fresh.db
          .insertInto("users")
          .values({ id: "feed-u2", email: "feed2@example.com", ...user })
          .execute();
        // Another client entirely (as another instance would be): only the triggers can tell the feed.
        await withConnection(fresh.database.url, async (client) => {
          await client.query("update users set session_version = session_version + 1 where id = 'feed-u1'");
          await client.query("insert into ended_sessions (sid, user_id, expires_at) values ('sid-x', 'feed-u2', 1)");
          await client.query("update users set disabled_at = 5 where id = 'feed-u2'");
          await client.query("delete from users where id = 'feed-u1'");
        });
        await until("four notifications", () => heard.drops.length >= 4);
        expect(heard.drops).toEqual(["feed-u1", "feed-u2", "feed-u2", "feed-u1"]);
      } finally {
        await feed.close();
      }
      expect(feed.token()).toBeNull();
    });

    it("this process's own statements move the token at once (no waiting for their NOTIFY); a SELECT does not", async () => {
      const feed = new PostgresRevocationFeed(fresh.database.url, recorder());
      try {
        await until("listening", () => feed.token() !== null);
        const before = feed.token();
        await fresh.db.selectFrom("users").select("id").execute();
        expect(feed.token()).toBe(before);
        await fresh.db.updateTable("users").set({ name: "local" }).where("id", "=", "nobody").execute();
        expect(feed.token()).not.toBe(before);
      } finally {
        await feed.close();
      }
    });

    it("a rolled-back change notifies no one", async () => {
      const heard = recorder();
      const feed = new PostgresRevocationFeed(fresh.database.url, heard);
      try {
        await until("listening", () => feed.token() !== null);
        await withConnection(fresh.database.url, async (client) => {
          await client.query("begin");
          await client.query("update users set name = 'x'");
          await client.query("rollback");
          await client.query("select pg_notify('iron_gate_revocation', 'marker')");
        });
        await until("the marker", () => heard.drops.includes("marker"));
        expect(heard.drops).toEqual(["marker"]);
      } finally {
        await feed.close();
      }
    });

    it("is not current once its connection is killed, and catches up (clears) before it is again", async () => {
      const heard = recorder();
      const feed = new PostgresRevocationFeed(fresh.database.url, heard);
      try {
        await until("listening", () => feed.token() !== null);
        const before = feed.token();
        expect(await terminateConnections(fresh.database.url)).toBeGreaterThanOrEqual(1);
        await until("noticed the loss", () => feed.token() === null);
        await until("listening again", () => feed.token() !== null);
        expect(heard.clears).toBe(2);
        expect(feed.token()).not.toBe(before);
      } finally {
        await feed.close();
      }
    });
  },
);
