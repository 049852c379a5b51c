import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Unit tests that touch the database get a real SQLite file of their own per worker, never a mock.
process.env.DATABASE_URL = `file:${join(mkdtempSync(join(tmpdir(), "iron-gate-unit-")), "unit.db")}`;
process.env.SESSION_SECRET ??= "unit-test-secret-that-is-long-enough-0123456789";
