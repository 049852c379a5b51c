import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { connectDatabase } from "./database";
import { openSqlite } from "./sqlite-dialect";
import { SqliteRevocationFeed } from "./sqlite-revocation-feed";
import { noteStatement, writeGeneration } from "./write-generation";

function twoConnections(): { reader: ReturnType<typeof openSqlite>; other: ReturnType<typeof openSqlite> } {
  const path = join(mkdtempSync(join(tmpdir(), "iron-gate-feed-")), "feed.db");
  const other = openSqlite(path);
  other.exec("create table t (x integer)");
  return { reader: openSqlite(path), other };
}

describe("the SQLite revocation feed (issue 14: PRAGMA data_version + the local write generation)", () => {
  it("keeps its token while nobody writes", () => {
    const { reader } = twoConnections();
    const feed = new SqliteRevocationFeed(reader);
    const token = feed.token();
    expect(token).not.toBeNull();
    reader.prepare("select count(*) from t").get();
    expect(feed.token()).toBe(token);
  });

  it("changes its token when another connection (another process, the CLI) commits", () => {
    const { reader, other } = twoConnections();
    const feed = new SqliteRevocationFeed(reader);
    const token = feed.token();
    other.exec("insert into t values (1)");
    expect(feed.token()).not.toBe(token);
  });

  it("changes its token when this process runs a statement that may write", () => {
    const { reader } = twoConnections();
    const feed = new SqliteRevocationFeed(reader);
    const token = feed.token();
    noteStatement("select 1");
    expect(feed.token()).toBe(token);
    noteStatement("commit");
    expect(feed.token()).not.toBe(token);
  });

  it("promises nothing once its connection is closed", () => {
    const { reader } = twoConnections();
    const feed = new SqliteRevocationFeed(reader);
    reader.close();
    expect(feed.token()).toBeNull();
  });

  it("the SQLite driver bumps the local write generation after every statement but a SELECT", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "iron-gate-feed-")), "gen.db");
    const db = connectDatabase(`file:${path}`);
    try {
      await sql`create table t (x integer)`.execute(db);
      const before = writeGeneration();
      await sql`select count(*) from t`.execute(db);
      expect(writeGeneration()).toBe(before);
      await sql`insert into t values (1)`.execute(db);
      expect(writeGeneration()).toBeGreaterThan(before);
    } finally {
      await db.destroy();
    }
  });
});
