import type { DatabaseSync, StatementSync } from "node:sqlite";
import type { RevocationFeed } from "@/lib/session/revocation-cache";
import { writeGeneration } from "./write-generation";

/**
 * SQLite's revocation feed (issue 14): other processes write the same file (the users CLI, a second
 * `next start`), and nothing tells this one which rows they touched. `PRAGMA data_version`, read on the
 * connection the session check reads through, changes whenever another connection has committed since its
 * last read; this process's own statements (which that pragma does not see on their own connection) bump
 * the local write generation. The token is both: any commit anywhere invalidates every entry. Cheap: the
 * pragma is a prepared statement reading the WAL index, no page of any table.
 */
export class SqliteRevocationFeed implements RevocationFeed {
  readonly #dataVersion: StatementSync;

  constructor(connection: DatabaseSync) {
    this.#dataVersion = connection.prepare("PRAGMA data_version");
  }

  token(): string | null {
    try {
      const row = this.#dataVersion.get();
      const version = row?.data_version;
      if (typeof version !== "number" && typeof version !== "bigint") return null;
      return `${version}:${writeGeneration()}`;
    } catch {
      // Busy, closed, anything: no promise, so the check queries (and reports the error itself).
      return null;
    }
  }

  async close(): Promise<void> {}
}
