/** Applies pending migrations to DATABASE_URL: `npm run db:migrate` (the app also does this on start). */
import nextEnv from "@next/env";
import { databaseUrl } from "@/lib/config/env";
import { connectDatabase, migrate } from "@/lib/db/database";

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production");
// Connect without migrating (openDatabase would apply them first, and this would report none).
const database = connectDatabase(databaseUrl());
const applied = await migrate(database);
console.log(applied.length > 0 ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
await database.destroy();
