import { afterAll } from "vitest";
import { createTestDatabase, dropTestDatabase } from "./test-postgres";

// After unit-env.ts: the data-layer tests of the PostgreSQL project get a fresh database per test file.
const url = await createTestDatabase();
process.env.DATABASE_URL = url;

afterAll(async () => {
  await dropTestDatabase(url);
});
