import { db } from "@/lib/db/database";
import { usesGeneratedDevSecret } from "./dev-secret";
import { ConfigError, type Env, env } from "./env";

/** Fails fast at boot (section C.7): a bad or contradicting setting, a development secret in production, an unusable database. */
export async function checkStartup(): Promise<void> {
  try {
    refuseDevSecretInProduction(env());
    await db();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // One plain line, the promise of the Configuration section: nothing else to read past.
    console.error(`Iron Gate cannot start: ${message}`);
    process.exit(1);
  }
}

function refuseDevSecretInProduction(config: Env): void {
  if (config.NODE_ENV !== "production") return;
  if (!usesGeneratedDevSecret(Object.values(config.sessionSecrets.passwords))) return;
  throw new ConfigError(
    "the session secret is the one generated for development in .env.local: set SESSION_SECRET (or SESSION_SECRETS) in the production environment (npm run secret prints one)",
  );
}
