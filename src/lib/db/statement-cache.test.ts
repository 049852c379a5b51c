import { DatabaseSync } from "node:sqlite";
import { describe, expect, it } from "vitest";
import { StatementCache } from "./statement-cache";

describe("prepared statement cache (issue 14)", () => {
  it("prepares a SQL text once and binds new parameters on every run", () => {
    const db = new DatabaseSync(":memory:");
    db.exec("create table t (id integer primary key, v text)");
    const cache = new StatementCache(db);
    const insert = cache.get("insert into t (v) values (?)");
    expect(insert.returnsRows).toBe(false);
    insert.statement.run("a");
    cache.get("insert into t (v) values (?)").statement.run("b");
    const select = cache.get("select v from t where id = ?");
    expect(select.returnsRows).toBe(true);
    expect(select.statement.all(2)).toEqual([{ v: "b" }]);
    expect(cache.get("select v from t where id = ?")).toBe(select);
    expect(cache.count).toBe(2);
  });

  it("keeps at most `size` statements, dropping the oldest", () => {
    const db = new DatabaseSync(":memory:");
    const cache = new StatementCache(db, 2);
    const first = cache.get("select 1");
    cache.get("select 2");
    cache.get("select 3");
    expect(cache.count).toBe(2);
    expect(cache.get("select 1")).not.toBe(first);
  });

  it("follows a schema change under a cached statement", () => {
    const db = new DatabaseSync(":memory:");
    db.exec("create table t (a integer)");
    const cache = new StatementCache(db);
    db.exec("insert into t values (1)");
    expect(cache.get("select * from t").statement.all()).toEqual([{ a: 1 }]);
    db.exec("alter table t add column b integer default 7");
    expect(cache.get("select * from t").statement.all()).toEqual([{ a: 1, b: 7 }]);
  });
});
