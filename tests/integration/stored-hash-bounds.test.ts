import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/database";
import { type AppServer, startAppServer } from "../support/app-server";
import { Client, STRONG_PASSWORD, uniqueEmail } from "../support/http-client";
import { expectError, expectJson } from "./helpers";

/**
 * Issue 8, section 2: a stored argon2 hash whose parameters would jam a worker (4 GiB, 1000 passes) is
 * never computed. Sign-in answers as for a wrong password, the server keeps answering, the log says
 * `password_hash_rejected` (without the hash), and the server still stops promptly on SIGTERM.
 */
const b64 = (bytes: number): string => randomBytes(bytes).toString("base64").replace(/=+$/, "");
const HUGE = `$argon2id$v=19$m=4194304,t=1000,p=1$${b64(16)}$${b64(32)}`;
// At the bounds (256 MiB × 4 passes): allowed, and seconds of work on a busy machine.
const LARGE = `$argon2id$v=19$m=262144,t=4,p=1$${b64(16)}$${b64(32)}`;

async function signUpWithStoredHash(server: AppServer, hash: string): Promise<string> {
  const email = uniqueEmail("stored-hash");
  const client = new Client(server.baseUrl);
  await expectJson(await client.json("POST", "/api/users", { email, password: STRONG_PASSWORD }), 201);
  const db = await openDatabase(server.databaseUrl);
  try {
    await db.updateTable("users").set({ passwordHash: hash }).where("email", "=", email).execute();
  } finally {
    await db.destroy();
  }
  return email;
}

function signIn(server: AppServer, email: string): Promise<Response> {
  return new Client(server.baseUrl).json("POST", "/api/sessions", { email, password: STRONG_PASSWORD });
}

/** Polls the server's log for a line with this event (generous timeout: the machine may be busy). */
async function waitForLogEvent(server: AppServer, event: string): Promise<string[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const lines = readFileSync(server.logFile, "utf8").split("\n");
    const found = lines.filter((line) => line.includes(`"event":"${event}"`));
    if (found.length > 0) return found;
    if (Date.now() > deadline) throw new Error(`no ${event} in ${server.logFile}`);
    await sleep(100);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("stored hashes with out-of-bounds parameters", () => {
  let server: AppServer;
  beforeAll(async () => {
    server = await startAppServer("stored-hash-bounds");
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("answers 401 invalid_credentials, keeps serving, and logs password_hash_rejected without the hash", async () => {
    const email = await signUpWithStoredHash(server, HUGE);
    await expectError(await signIn(server, email), 401, "invalid_credentials");
    await expectJson(await new Client(server.baseUrl).request("/api/health"));
    // The worker is free: an ordinary account still signs in.
    const ordinary = uniqueEmail("ordinary");
    await expectJson(
      await new Client(server.baseUrl).json("POST", "/api/users", { email: ordinary, password: STRONG_PASSWORD }),
      201,
    );
    await expectJson(await signIn(server, ordinary));
    const [line = ""] = await waitForLogEvent(server, "password_hash_rejected");
    expect(JSON.parse(line)).toMatchObject({ level: "warn", reason: "out_of_bounds" });
    expect(readFileSync(server.logFile, "utf8")).not.toContain(HUGE.split("$")[4]);
  });
});

describe("stopping while hashes run", () => {
  it("exits within 15 s of SIGTERM with sign-ins in flight against large and huge stored hashes", async () => {
    const server = await startAppServer("stored-hash-stop");
    const huge = await signUpWithStoredHash(server, HUGE);
    const large = await signUpWithStoredHash(server, LARGE);
    // Answers (or a closed connection) do not matter here; only that the process ends.
    const inFlight = [signIn(server, large), signIn(server, huge), signIn(server, large)].map((request) =>
      request.then(
        (response) => response.status,
        () => "closed",
      ),
    );
    // The huge hash was reached (and refused) on the same path the large ones take.
    await waitForLogEvent(server, "password_hash_rejected");
    const signalled = Date.now();
    const stopped = server.stop().then(() => "exited");
    const outcome = await Promise.race([stopped, sleep(15_000).then(() => "still running")]);
    if (outcome !== "exited" && isRunning(server.pid)) process.kill(server.pid, "SIGKILL");
    expect(outcome, `${Date.now() - signalled} ms after SIGTERM`).toBe("exited");
    await Promise.all(inFlight);
  }, 60_000);
});
