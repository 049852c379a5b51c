import { type Db, openDatabase } from "@/lib/db/database";
import { Client, STRONG_PASSWORD, uniqueEmail } from "./http-client";

/**
 * The test's own connection to a server's database, for what only the CLI or an admin could do (make the
 * first admin) and for looking at rows (audit events, ids). Close it in `afterAll`.
 */
export class AdminFixture {
  private db: Promise<Db> | null = null;

  constructor(
    readonly baseUrl: string,
    readonly databaseUrl: string,
  ) {}

  database(): Promise<Db> {
    this.db ??= openDatabase(this.databaseUrl);
    return this.db;
  }

  async close(): Promise<void> {
    await (await this.db)?.destroy();
  }

  /** Signs a new user up (signed in), optionally made an admin in the database as `users add --admin` would. */
  async user(options: { admin?: boolean; label?: string; name?: string } = {}): Promise<SignedIn> {
    const client = new Client(this.baseUrl);
    const email = uniqueEmail(options.label ?? "admin-test");
    const body = { email, password: STRONG_PASSWORD, ...(options.name ? { name: options.name } : {}) };
    const response = await client.json("POST", "/api/users", body);
    if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
    const { user } = (await response.json()) as { user: { id: string } };
    if (options.admin) await this.setAdmin(user.id, true);
    return { client, email, id: user.id };
  }

  async setAdmin(id: string, isAdmin: boolean): Promise<void> {
    await (await this.database()).updateTable("users").set({ isAdmin }).where("id", "=", id).execute();
  }

  /** A fresh sign-in of `email` (a second device). */
  async signIn(email: string, password = STRONG_PASSWORD): Promise<Response> {
    return new Client(this.baseUrl).json("POST", "/api/sessions", { email, password });
  }
}

export interface SignedIn {
  client: Client;
  email: string;
  id: string;
}
