import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { connectDatabase } from "@/lib/db/database";
import { STRONG_PASSWORD } from "../support/http-client";
import { type CliResult, runUsersCli, tempDatabaseUrl } from "./helpers";

const created: string[] = [];

/** A fresh SQLite file of its own for each test, removed at the end. */
function freshDatabase(): string {
  const url = tempDatabaseUrl();
  created.push(url);
  return url;
}

afterAll(() => {
  for (const url of created) {
    const path = url.slice("file:".length);
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${path}${suffix}`, { force: true });
  }
});

/** The stored user, read through the app's own data layer. */
async function readUser(databaseUrl: string, email: string): Promise<{ passwordHash: string }> {
  const db = connectDatabase(databaseUrl);
  try {
    return await db.selectFrom("users").select("passwordHash").where("email", "=", email).executeTakeFirstOrThrow();
  } finally {
    await db.destroy();
  }
}

function expectExit(result: CliResult, code: number): void {
  expect(result.code, `stdout: ${result.stdout}\nstderr: ${result.stderr}`).toBe(code);
}

function linesFor(result: CliResult, email: string): string[] {
  return result.stdout.split("\n").filter((line) => line.includes(email));
}

describe("npm run users (its own temporary database)", () => {
  it("add exits 0 and list shows the user with name and role", async () => {
    const db = freshDatabase();
    expectExit(await runUsersCli(db, ["add", "ada@example.com", "--name", "Ada Lovelace"], `${STRONG_PASSWORD}\n`), 0);
    expectExit(await runUsersCli(db, ["add", "root@example.com", "--admin"], STRONG_PASSWORD), 0);
    const list = await runUsersCli(db, ["list"]);
    expectExit(list, 0);
    const [ada = ""] = linesFor(list, "ada@example.com");
    const [root = ""] = linesFor(list, "root@example.com");
    expect(ada).toContain("Ada Lovelace");
    expect(ada).not.toMatch(/\badmin\b/);
    expect(root).toMatch(/\badmin\b/);
    expect(list.stdout).not.toContain(STRONG_PASSWORD);
    expect(list.stdout).not.toMatch(/argon2/i);
  });

  it("normalises the email on add (trim, lowercase)", async () => {
    const db = freshDatabase();
    expectExit(await runUsersCli(db, ["add", "  Mixed.Case@Example.COM "], STRONG_PASSWORD), 0);
    const list = await runUsersCli(db, ["list"]);
    expect(linesFor(list, "mixed.case@example.com")).toHaveLength(1);
  });

  it("refuses a duplicate email (also in another case) with exit 1", async () => {
    const db = freshDatabase();
    expectExit(await runUsersCli(db, ["add", "dupe@example.com"], STRONG_PASSWORD), 0);
    const again = await runUsersCli(db, ["add", "DUPE@example.com"], STRONG_PASSWORD);
    expectExit(again, 1);
    expect(again.stderr.trim().length).toBeGreaterThan(0);
    expect(linesFor(await runUsersCli(db, ["list"]), "dupe@example.com")).toHaveLength(1);
  });

  it("refuses a short password with exit 1 and the reason on stderr", async () => {
    const db = freshDatabase();
    const result = await runUsersCli(db, ["add", "weak@example.com"], "Xq7!vB2#pL9&");
    expectExit(result, 1);
    expect(result.stderr).toMatch(/15/);
    expect(linesFor(await runUsersCli(db, ["list"]), "weak@example.com")).toHaveLength(0);
  });

  it("refuses a guessable password with exit 1 and a reason on stderr", async () => {
    const db = freshDatabase();
    const result = await runUsersCli(db, ["add", "guess@example.com"], "password1234567890");
    expectExit(result, 1);
    expect(result.stderr.replace(/^error:/i, "").trim().length).toBeGreaterThan(0);
    expect(linesFor(await runUsersCli(db, ["list"]), "guess@example.com")).toHaveLength(0);
  });

  it("refuses an invalid email with exit 1", async () => {
    const result = await runUsersCli(freshDatabase(), ["add", "a@x.com,b@y.com"], STRONG_PASSWORD);
    expectExit(result, 1);
  });

  it("refuses an email or a name with invisible or bidi characters with exit 1, and adds nobody", async () => {
    const db = freshDatabase();
    const email = await runUsersCli(db, ["add", "uni\u200Bcorn@example.com"], STRONG_PASSWORD);
    expectExit(email, 1);
    const name = await runUsersCli(db, ["add", "unicorn@example.com", "--name", "Ada \u202Eevil"], STRONG_PASSWORD);
    expectExit(name, 1);
    expect(name.stderr).toMatch(/invisible|direction/i);
    expect((await runUsersCli(db, ["list"])).stdout).not.toContain("unicorn");
  });

  it("set-admin on/off exits 0 and changes the role; an unknown email exits 1", async () => {
    const db = freshDatabase();
    // Another admin, so that revoking promote@ is not revoking the last one.
    expectExit(await runUsersCli(db, ["add", "keeper@example.com", "--admin"], STRONG_PASSWORD), 0);
    expectExit(await runUsersCli(db, ["add", "promote@example.com"], STRONG_PASSWORD), 0);
    expectExit(await runUsersCli(db, ["set-admin", "promote@example.com", "on"]), 0);
    expect(linesFor(await runUsersCli(db, ["list"]), "promote@example.com")[0]).toMatch(/\badmin\b/);
    expectExit(await runUsersCli(db, ["set-admin", "promote@example.com", "off"]), 0);
    expect(linesFor(await runUsersCli(db, ["list"]), "promote@example.com")[0]).not.toMatch(/\badmin\b/);
    const unknown = await runUsersCli(db, ["set-admin", "nobody@example.com", "on"]);
    expectExit(unknown, 1);
    expect(unknown.stderr.trim().length).toBeGreaterThan(0);
  });

  it("keeps the last active admin: set-admin off, disable and remove of the only admin exit 1 and change nothing", async () => {
    const db = freshDatabase();
    expectExit(await runUsersCli(db, ["add", "only@example.com", "--admin"], STRONG_PASSWORD), 0);
    for (const args of [
      ["set-admin", "only@example.com", "off"],
      ["disable", "only@example.com"],
      ["remove", "only@example.com"],
    ]) {
      const refused = await runUsersCli(db, args);
      expectExit(refused, 1);
      expect(refused.stderr).toMatch(/last active admin/);
    }
    expect(linesFor(await runUsersCli(db, ["list"]), "only@example.com")[0]).toMatch(/\badmin\b/);
    expectExit(await runUsersCli(db, ["add", "second@example.com", "--admin"], STRONG_PASSWORD), 0);
    expectExit(await runUsersCli(db, ["disable", "only@example.com"]), 0);
    // A disabled admin does not count: second@ is now the last active one.
    expectExit(await runUsersCli(db, ["set-admin", "second@example.com", "off"]), 1);
  });

  it("disable, enable, sign-out and reset-password exit 1 for an unknown email; reset-password prints nothing secret", async () => {
    const db = freshDatabase();
    for (const command of ["disable", "enable", "sign-out"]) {
      const result = await runUsersCli(db, [command, "nobody@example.com"]);
      expectExit(result, 1);
      expect(result.stderr).toMatch(/no user/);
    }
    expectExit(await runUsersCli(db, ["reset-password", "nobody@example.com"], STRONG_PASSWORD), 1);
    expectExit(await runUsersCli(db, ["add", "reset@example.com"], STRONG_PASSWORD), 0);
    const weak = await runUsersCli(db, ["reset-password", "reset@example.com"], "password");
    expectExit(weak, 1);
    const next = "harbor cactus marble violin meadow";
    const reset = await runUsersCli(db, ["reset-password", "reset@example.com"], `${next}\n`);
    expectExit(reset, 0);
    expect(`${reset.stdout}${reset.stderr}`).not.toContain(next);
    expect((await readUser(db, "reset@example.com")).passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("the help says how a fresh deployment gets its first admin", async () => {
    const result = await runUsersCli(freshDatabase(), ["help"]);
    expectExit(result, 2);
    expect(result.stderr).toMatch(/add <email> --admin/);
    expect(result.stderr).toMatch(/set-admin <email> on/);
    expect(result.stderr).toMatch(/no default admin/);
  });

  it("remove exits 0 and the user is gone; removing an unknown email exits 1", async () => {
    const db = freshDatabase();
    expectExit(await runUsersCli(db, ["add", "gone@example.com"], STRONG_PASSWORD), 0);
    expectExit(await runUsersCli(db, ["remove", "gone@example.com"]), 0);
    expect(linesFor(await runUsersCli(db, ["list"]), "gone@example.com")).toHaveLength(0);
    expectExit(await runUsersCli(db, ["remove", "gone@example.com"]), 1);
    expectExit(await runUsersCli(db, ["remove", "never@example.com"]), 1);
  });

  it("an unknown command exits 2 with the usage", async () => {
    const result = await runUsersCli(freshDatabase(), ["frobnicate"]);
    expectExit(result, 2);
    expect(`${result.stdout}${result.stderr}`).toMatch(/usage/i);
  });

  it("no command exits 2 with the usage", async () => {
    const result = await runUsersCli(freshDatabase(), []);
    expectExit(result, 2);
    expect(`${result.stdout}${result.stderr}`).toMatch(/usage/i);
  });
});

describe("npm run users: arguments and stdin", () => {
  it("an unknown option is a usage error (exit 2)", async () => {
    const result = await runUsersCli(
      freshDatabase(),
      ["add", "opt@example.com", "--nmae", "X"],
      `${STRONG_PASSWORD}\n`,
    );
    expectExit(result, 2);
    expect(result.stderr).toContain("Usage:");
  });

  it("takes the first line of stdin as the password, never the lines after it", async () => {
    const db = freshDatabase();
    expectExit(await runUsersCli(db, ["add", "lines@example.com"], `${STRONG_PASSWORD}\nsecond line\n`), 0);
    const row = await readUser(db, "lines@example.com");
    const { verifyPassword } = await import("@/lib/auth/password-hash");
    expect(await verifyPassword(STRONG_PASSWORD, row.passwordHash)).toBe(true);
  });
});

describe("npm run users: add asks only when it can add", () => {
  it("a taken email is refused before any password is read (nothing on stdin)", async () => {
    const db = freshDatabase();
    expectExit(await runUsersCli(db, ["add", "taken@example.com"], STRONG_PASSWORD), 0);
    const again = await runUsersCli(db, ["add", "taken@example.com"], "");
    expectExit(again, 1);
    expect(again.stderr).toContain("taken@example.com already has an account");
    expect(again.stderr).not.toMatch(/password/i);
  });

  it("with no terminal and nothing on stdin, says a password is needed (usage error, exit 2)", async () => {
    const db = freshDatabase();
    const result = await runUsersCli(db, ["add", "nopass@example.com"], "");
    expectExit(result, 2);
    expect(result.stderr).toMatch(/a password is needed/i);
    expect(result.stderr).not.toMatch(/15 characters/);
    expect(linesFor(await runUsersCli(db, ["list"]), "nopass@example.com")).toHaveLength(0);
  });
});

describe("npm run users: list", () => {
  it("starts with a header row", async () => {
    const db = freshDatabase();
    expectExit(await runUsersCli(db, ["add", "head@example.com", "--name", "Head"], STRONG_PASSWORD), 0);
    const list = await runUsersCli(db, ["list"]);
    expectExit(list, 0);
    const [header = "", row = ""] = list.stdout.trim().split("\n");
    expect(header.split(/\s+/)).toEqual(["EMAIL", "NAME", "ROLE", "CREATED"]);
    expect(row.split(/\s+/).slice(0, 3)).toEqual(["head@example.com", "Head", "user"]);
  });

  it("--json prints one JSON array of the public fields, never a hash", async () => {
    const db = freshDatabase();
    expectExit(await runUsersCli(db, ["add", "json@example.com", "--name", "Jay", "--admin"], STRONG_PASSWORD), 0);
    expectExit(await runUsersCli(db, ["add", "plain@example.com"], STRONG_PASSWORD), 0);
    const list = await runUsersCli(db, ["list", "--json"]);
    expectExit(list, 0);
    expect(list.stdout).not.toMatch(/argon2|passwordHash|sessionVersion/i);
    const users: unknown = JSON.parse(list.stdout);
    expect(users).toEqual([
      { id: expect.any(String), email: "json@example.com", name: "Jay", isAdmin: true, createdAt: expect.any(String) },
      { id: expect.any(String), email: "plain@example.com", name: null, isAdmin: false, createdAt: expect.any(String) },
    ]);
  });

  it("--json on an empty database is []", async () => {
    const list = await runUsersCli(freshDatabase(), ["list", "--json"]);
    expectExit(list, 0);
    expect(JSON.parse(list.stdout)).toEqual([]);
  });

  it("an unknown option or a stray argument is a usage error (exit 2)", async () => {
    const db = freshDatabase();
    expectExit(await runUsersCli(db, ["list", "--jsno"]), 2);
    expectExit(await runUsersCli(db, ["remove", "a@example.com", "b@example.com"]), 2);
  });
});

describe("npm run -s secret (as the README writes it)", () => {
  it('prints only the secret, so SESSION_SECRET="$(npm run -s secret)" works', async () => {
    const { stdout, code } = await new Promise<{ stdout: string; code: number | null }>((done, fail) => {
      const child = spawn("sh", ["-c", 'SESSION_SECRET="$(npm run -s secret)" && printf %s "$SESSION_SECRET"'], {
        cwd: resolve(import.meta.dirname, "../.."),
      });
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString("utf8");
      });
      child.once("error", fail);
      child.once("close", (exit) => done({ stdout: out, code: exit }));
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
