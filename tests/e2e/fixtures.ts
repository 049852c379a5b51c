import { join } from "node:path";
import { test as base, expect, type Page } from "@playwright/test";
import { sealData } from "iron-session";
import { hashPassword } from "@/lib/auth/password-hash";
import { type Db, openDatabase } from "@/lib/db/database";
import { newSessionData } from "@/lib/session/session-data";
import { PRODUCTION_COOKIE_NAME } from "@/lib/session/session-options";
import type { UserRecord } from "@/lib/users/user";
import { createUser } from "@/lib/users/user-repository";

export const PASSWORD = "velvet tractor kiwi orbit lantern";

let counter = 0;
export function uniqueEmail(label = "e2e"): string {
  counter += 1;
  return `${label}-${process.pid}-${Date.now()}-${counter}@example.com`;
}

const databases = new Map<string, Promise<Db>>();
/** The database the server under test uses, opened once per worker. */
function e2eDb(url: string): Promise<Db> {
  let database = databases.get(url);
  if (!database) {
    database = openDatabase(url);
    databases.set(url, database);
  }
  return database;
}

/** The default servers' SQLite file; the postgres project overrides `databaseUrl` (playwright.config.ts). */
const SQLITE_URL = `file:${join(process.env.E2E_DIR ?? "", "app.db")}`;

interface Options {
  /** The database of the project's server, which the fixtures write to. */
  databaseUrl: string;
}

interface Fixtures {
  /** The server's database, open. */
  db: Db;
  /** A user created straight in the database, with the password `PASSWORD`. */
  user: UserRecord;
  /** Signs `user` in by sealing a session cookie directly, skipping the login form; `ageMs` backdates it. */
  signIn: (options?: { ageMs?: number }) => Promise<void>;
  /** Fails the test when a page throws or logs a console error (CSP violations included)... */
  pageErrors: string[];
  /** ...except those a test provokes on purpose. */
  expectedConsoleErrors: RegExp[];
}

export const test = base.extend<Fixtures & Options>({
  databaseUrl: [SQLITE_URL, { option: true }],
  db: async ({ databaseUrl }, use) => {
    await use(await e2eDb(databaseUrl));
  },
  user: async ({ db }, use) => {
    const created = await createUser(db, {
      email: uniqueEmail("fixture"),
      name: "Fixture User",
      passwordHash: await hashPassword(PASSWORD),
    });
    if (!created.ok) throw new Error("could not create the fixture user");
    await use(created.user);
  },
  signIn: async ({ context, user, baseURL }, use) => {
    const { hostname } = new URL(baseURL ?? "http://localhost");
    await use(async ({ ageMs = 0 } = {}) => {
      const now = Date.now();
      const data = { ...newSessionData(user, now - ageMs), lastSeenAt: now };
      const seal = await sealData(data, {
        password: process.env.E2E_SESSION_SECRET ?? "",
        ttl: 3600,
      });
      await context.addCookies([
        // A host-only cookie (CDP: a domain without a leading dot), as the server itself would set it.
        {
          name: PRODUCTION_COOKIE_NAME,
          value: seal,
          domain: hostname,
          path: "/",
          httpOnly: true,
          secure: true,
          sameSite: "Lax",
        },
      ]);
    });
  },
  expectedConsoleErrors: [[], { option: true }],
  pageErrors: [
    async ({ page, expectedConsoleErrors }, use) => {
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("console", (message) => {
        const text = message.text();
        if (message.type() === "error" && !expectedConsoleErrors.some((pattern) => pattern.test(text)))
          errors.push(text);
      });
      await use(errors);
      expect(errors, "errors in the browser console").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Fills and submits the login form. */
export async function logIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Waits until the page's session watcher is counting (hydrated, its timer started). Moving Playwright's
 * clock before that would count from the moved time, as no real clock ever jumps.
 */
export async function watcherRunning(page: Page): Promise<void> {
  await expect(page.locator('[data-watch="counting"]')).toHaveCount(1);
}
