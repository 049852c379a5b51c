import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, postgresForTests, postgresSuite } from "./postgres";

/** One engine under test: a fresh, empty database `url`, and how to throw it away. */
export interface EngineUnderTest {
  name: "sqlite" | "postgres";
  /** Skipped (and why) when PostgreSQL cannot be reached outside CI. */
  skip: boolean;
  title: string;
  fresh(): Promise<{ url: string; drop(): Promise<void> }>;
}

/** SQLite (a temporary file) and PostgreSQL (a database of its own), for `describe.each` over both. */
export async function enginesUnderTest(): Promise<EngineUnderTest[]> {
  const postgres = await postgresForTests();
  return [
    {
      name: "sqlite",
      skip: false,
      title: "SQLite",
      fresh: async () => ({
        url: `file:${join(mkdtempSync(join(tmpdir(), "iron-gate-engine-")), "test.db")}`,
        drop: async () => {},
      }),
    },
    {
      name: "postgres",
      skip: !postgres.available,
      title: postgresSuite("PostgreSQL", postgres),
      fresh: createTestDatabase,
    },
  ];
}
