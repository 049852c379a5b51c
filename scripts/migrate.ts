/** Applies pending migrations to DATABASE_URL: `npm run db:migrate` (the app also does this on start). */
import nextEnv from "@next/env";
import { databaseUrl } from "@/lib/config/env";
import { migrate, openDatabase } from "@/lib/db/database";

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production");
const database = await openDatabase(databaseUrl());
const applied = await migrate(database);
console.log(applied.length > 0 ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
await database.destroy();
