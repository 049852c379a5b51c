import { postgresAdminUrl, withAdmin } from "./test-postgres";

export type PostgresProbe = { ok: true } | { ok: false; reason: string };

/** Whether the test PostgreSQL answers, and if not, why (for the "suites skipped" line). */
export async function probePostgres(): Promise<PostgresProbe> {
  try {
    await withAdmin((admin) => admin.query("select 1"));
    return { ok: true };
  } catch (error) {
    const why = error instanceof Error ? error.message || error.name : String(error);
    return { ok: false, reason: `no PostgreSQL at ${redacted(postgresAdminUrl())} (${why})` };
  }
}

/** The URL without its password, for messages. */
function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}
