import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from "kysely";
import type pg from "pg";
import { isConnectionLost } from "./errors";
import { noteStatement } from "./write-generation";

type Command = PostgresQueryResult<unknown>["command"];
const COMMANDS: ReadonlySet<string> = new Set<Command>([
  "UPDATE",
  "DELETE",
  "INSERT",
  "SELECT",
  "MERGE",
  "COMMIT",
  "ROLLBACK",
]);
const isCommand = (command: string): command is Command => COMMANDS.has(command);

/** One query on `client`; `onLost` hears of a failure that means the connection itself is gone. */
function guardedQuery(client: pg.PoolClient, onLost: () => void): PostgresPoolClient["query"] {
  function query<R>(text: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  function query<R>(
    input: string | PostgresCursor<R>,
    parameters: ReadonlyArray<unknown> = [],
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    // Kysely streams through a cursor only when its dialect is given one; this app never is.
    if (typeof input !== "string") throw new Error("cursors are not configured");
    // Counted once the statement has settled, committed or not (write-generation.ts, the revocation cache).
    const settled = (): void => noteStatement(input);
    return client
      .query<R & pg.QueryResultRow>(input, [...parameters])
      .finally(settled)
      .then(
        // Kysely reads `command` only to tell DML (affected rows) and COMMIT/ROLLBACK from the rest.
        (result) => ({
          command: isCommand(result.command) ? result.command : "SELECT",
          rowCount: result.rowCount ?? 0,
          rows: result.rows,
        }),
        (error: unknown) => {
          if (isConnectionLost(error)) onLost();
          throw error;
        },
      );
  }
  return query;
}

/**
 * The pool as Kysely sees it, with one difference: a connection whose query failed because the connection
 * died (killed mid-statement) is destroyed on release. Otherwise the pool could hand it out again in the
 * moment between the server's error and the socket's close, failing one more request.
 */
export function discardingLostConnections(pool: pg.Pool): PostgresPool {
  return {
    options: pool.options,
    end: () => pool.end(),
    connect: async (): Promise<PostgresPoolClient> => {
      const client = await pool.connect();
      let lost = false;
      return {
        query: guardedQuery(client, () => {
          lost = true;
        }),
        release: (destroy?: boolean) => client.release(destroy || lost),
      };
    },
  };
}
