import { afterAll } from "vitest";
import { db } from "@/lib/db/database";
import { createTestDatabase } from "./postgres";

// After unit-env.ts: on the data-postgres project, the data-layer tests get a fresh database per test file.
const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;

afterAll(async () => {
  await (await db()).destroy();
  await database.drop();
});
