import pg from "pg";
import { log } from "@/lib/log/logger";
import type { RevocationFeed } from "@/lib/session/revocation-cache";
import { writeGeneration } from "./write-generation";

/** The channel migration 0012's triggers notify, with the user id as payload. */
export const REVOCATION_CHANNEL = "iron_gate_revocation";
/** How often the listener proves it is alive, and how stale that proof may be before the cache is not used. */
export const HEARTBEAT_MS = 1_000;
export const HEARTBEAT_STALE_MS = 2_500;
const RECONNECT_MS = [100, 250, 500, 1_000, 2_000];

export interface FeedListener {
  dropUser(userId: string): void;
  clear(): void;
}

/**
 * PostgreSQL's revocation feed (issue 14 §2): one dedicated connection (outside the pool) that `LISTEN`s on
 * the channel migration 0012's triggers notify on every insert into `ended_sessions` and every update or
 * delete of `users`, and drops that user's entries. Current only while connected, caught up and heard from
 * recently: after `LISTEN` succeeds the cache is cleared (the catch-up: whatever happened while no one
 * listened is forgotten) and a new epoch begins; on an error, an end, or a heartbeat (`select 1` on the same
 * connection, so it also proves notifications are flowing) older than `HEARTBEAT_STALE_MS`, the token is null
 * and every check queries, until a reconnect catches up again.
 */
export class PostgresRevocationFeed implements RevocationFeed {
  #client: pg.Client | null = null;
  #epoch = 0;
  #current = false;
  #heardAt = 0;
  #attempt = 0;
  #closed = false;
  #heartbeat: NodeJS.Timeout | null = null;
  #reconnect: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly listener: FeedListener,
    private readonly now: () => number = Date.now,
  ) {
    void this.#connect();
  }

  token(): string | null {
    if (!this.#current || this.now() - this.#heardAt > HEARTBEAT_STALE_MS) return null;
    return `${this.#epoch}:${writeGeneration()}`;
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#lost();
    if (this.#reconnect) clearTimeout(this.#reconnect);
  }

  async #connect(): Promise<void> {
    if (this.#closed) return;
    const client = new pg.Client({
      connectionString: this.url,
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
      application_name: "iron-gate-revocation-feed",
    });
    this.#client = client;
    client.on("notification", (message) => {
      if (client !== this.#client || message.channel !== REVOCATION_CHANNEL) return;
      this.#heardAt = this.now();
      if (message.payload) this.listener.dropUser(message.payload);
      else this.listener.clear();
    });
    client.on("error", (error) => this.#failed(client, error));
    client.on("end", () => this.#failed(client, new Error("connection ended")));
    try {
      await client.connect();
      await client.query(`listen ${REVOCATION_CHANNEL}`);
      if (client !== this.#client) return;
      // The catch-up: nothing cached before this point is trusted again.
      this.listener.clear();
      this.#epoch++;
      this.#heardAt = this.now();
      this.#current = true;
      this.#attempt = 0;
      this.#heartbeat = setInterval(() => void this.#beat(client), HEARTBEAT_MS);
      this.#heartbeat.unref();
      log.info("revocation_feed_listening", { epoch: this.#epoch });
    } catch (error) {
      this.#failed(client, error);
    }
  }

  async #beat(client: pg.Client): Promise<void> {
    try {
      await client.query("select 1");
      if (client === this.#client) this.#heardAt = this.now();
    } catch (error) {
      this.#failed(client, error);
    }
  }

  #failed(client: pg.Client, error: unknown): void {
    if (client !== this.#client) return;
    const wasCurrent = this.#current;
    this.#lost();
    if (wasCurrent) log.warn("revocation_feed_lost", { error: error instanceof Error ? error.message : "unknown" });
    if (this.#closed) return;
    const delay = RECONNECT_MS[Math.min(this.#attempt++, RECONNECT_MS.length - 1)];
    this.#reconnect = setTimeout(() => void this.#connect(), delay);
    this.#reconnect.unref();
  }

  /** Not current from here on; the old connection is closed and ignored. */
  #lost(): void {
    this.#current = false;
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    this.#heartbeat = null;
    const client = this.#client;
    this.#client = null;
    client?.end().catch(() => {});
  }
}
