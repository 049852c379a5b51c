import { db } from "@/lib/db/database";
import { log } from "@/lib/log/logger";
import { ConfigError, env, isSupportedNode, MIN_NODE } from "./env";

/** Fails fast at boot (section C.7): an old Node, a missing or short secret, an unusable database. */
export async function checkStartup(): Promise<void> {
  try {
    if (!isSupportedNode()) {
      throw new ConfigError(
        `Iron Gate needs Node ${MIN_NODE.join(".")} or newer (this is ${process.versions.node}): run it through npm scripts, which use the node package from devDependencies.`,
      );
    }
    env();
    await db();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`Iron Gate cannot start: ${message}`);
    log.error("startup_failed", { error: message });
    process.exit(1);
  }
}
