/** Lists the migrations of DATABASE_URL, applied and pending: `npm run db:status`. Changes nothing. */
import nextEnv from "@next/env";
import { databaseUrl } from "@/lib/config/env";
import { connectDatabase, migrationStatus } from "@/lib/db/database";
import { formatMigrationStatus } from "./db-status-output";

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production");
const database = connectDatabase(databaseUrl());
try {
  console.log(formatMigrationStatus(await migrationStatus(database)));
} finally {
  await database.destroy();
}
