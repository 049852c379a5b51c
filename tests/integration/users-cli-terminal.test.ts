import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { STRONG_PASSWORD } from "../support/http-client";
import { runUsersCli, tempDatabaseUrl } from "./helpers";

const ROOT = resolve(import.meta.dirname, "../..");
const created: string[] = [];
/** The first prompt, then the confirmation. */
const PROMPTS = [/[Pp]assword for [^:]+: /, /again: /];

afterAll(() => {
  for (const url of created) {
    for (const suffix of ["", "-wal", "-shm", "-journal"])
      rmSync(`${url.slice("file:".length)}${suffix}`, { force: true });
  }
});

/**
 * `npm run users -- add` on a real terminal: util-linux `script` gives the CLI a pseudo-terminal. Each answer
 * is typed only once its prompt is on the screen, as a person would, so the test also sees that nothing typed
 * is echoed.
 */
function addOnTerminal(
  databaseUrl: string,
  email: string,
  answers: [string, string],
  command: "add" | "reset-password" = "add",
): Promise<{ code: number | null; screen: string }> {
  return new Promise((done, fail) => {
    const child = spawn("script", ["-qec", `npm run -s users -- ${command} ${email}`, "/dev/null"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let screen = "";
    let typed = 0;
    let seen = 0;
    child.stdout.on("data", (chunk: Buffer) => {
      screen += chunk.toString("utf8");
      const answer = answers[typed];
      if (answer !== undefined && PROMPTS[typed]?.test(screen.slice(seen))) {
        seen = screen.length;
        typed += 1;
        child.stdin.write(`${answer}\r`);
      }
    });
    child.once("error", fail);
    child.once("close", (code) => {
      child.stdin.destroy();
      done({ code, screen });
    });
  });
}

describe("npm run users -- add on a terminal (a pseudo-terminal from `script`)", () => {
  it("asks twice, hidden, and adds the user when both entries match", { timeout: 60_000 }, async () => {
    const db = tempDatabaseUrl();
    created.push(db);
    const { code, screen } = await addOnTerminal(db, "tty@example.com", [STRONG_PASSWORD, STRONG_PASSWORD]);
    expect(code, screen).toBe(0);
    expect(screen).toMatch(/Password for tty@example\.com: [\s\S]*again: [\s\S]*Added tty@example\.com/);
    expect(screen).not.toContain(STRONG_PASSWORD);
    expect((await runUsersCli(db, ["list"])).stdout).toContain("tty@example.com");
  });

  it("refuses with exit 1 when the second entry differs, and adds nobody", { timeout: 60_000 }, async () => {
    const db = tempDatabaseUrl();
    created.push(db);
    const { code, screen } = await addOnTerminal(db, "typo@example.com", [STRONG_PASSWORD, `${STRONG_PASSWORD}x`]);
    expect(code, screen).toBe(1);
    expect(screen).toMatch(/do not match/);
    expect((await runUsersCli(db, ["list"])).stdout).not.toContain("typo@example.com");
  });

  it("reset-password asks twice, hidden, and the new password works; the old one no longer does", {
    timeout: 60_000,
  }, async () => {
    const db = tempDatabaseUrl();
    created.push(db);
    expect((await runUsersCli(db, ["add", "reset@example.com"], STRONG_PASSWORD)).code).toBe(0);
    const next = "harbor cactus marble violin meadow";
    const { code, screen } = await addOnTerminal(db, "reset@example.com", [next, next], "reset-password");
    expect(code, screen).toBe(0);
    expect(screen).toMatch(/New password for reset@example\.com: [\s\S]*again: [\s\S]*Reset the password/);
    expect(screen).not.toContain(next);
    const { connectDatabase } = await import("@/lib/db/database");
    const { verifyPassword } = await import("@/lib/auth/password-hash");
    const database = connectDatabase(db);
    try {
      const row = await database.selectFrom("users").select("passwordHash").executeTakeFirstOrThrow();
      expect(await verifyPassword(next, row.passwordHash)).toBe(true);
      expect(await verifyPassword(STRONG_PASSWORD, row.passwordHash)).toBe(false);
    } finally {
      await database.destroy();
    }
  });
});
