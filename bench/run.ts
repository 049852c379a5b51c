/**
 * `npm run bench`: what a session check and a password hash cost on this machine. Speed targets live
 * here, never in tests. Each line: operation, mean time per operation, operations per second.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sealData, unsealData } from "iron-session";

const dir = mkdtempSync(join(tmpdir(), "iron-gate-bench-"));
process.env.DATABASE_URL = `file:${join(dir, "bench.db")}`;
process.env.SESSION_SECRET = "bench-secret-bench-secret-bench-secret-0123";

const { createUser } = await import("@/lib/users/user-repository");
const { db } = await import("@/lib/db/database");
const { hashPassword } = await import("@/lib/auth/password-hash");
const { hashPool } = await import("@/lib/auth/hash-pool");
const { newSessionData, sessionState } = await import("@/lib/session/session-data");
const { checkSession } = await import("@/lib/session/check-session");

async function measure(name: string, iterations: number, run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(50, iterations); i++) await run(); // warm up
  const start = performance.now();
  for (let i = 0; i < iterations; i++) await run();
  const perOp = (performance.now() - start) / iterations;
  console.log(
    `${name.padEnd(58)} ${(perOp * 1000).toFixed(1).padStart(9)} µs ${(1000 / perOp).toFixed(0).padStart(8)} op/s`,
  );
  return perOp;
}

const password = { "1": process.env.SESSION_SECRET ?? "" };
const created = await createUser(await db(), {
  email: "bench@example.com",
  name: null,
  passwordHash: await hashPassword("velvet tractor kiwi orbit lantern"),
});
if (!created.ok) throw new Error("bench user");
const data = newSessionData(created.user);
const seal = await sealData(data, { password, ttl: 3600 });
const limits = { idleMs: 1_800_000, maxAgeMs: 43_200_000 };

console.log(`Node ${process.versions.node}, hash pool of ${hashPool().stats().size}\n`);
await measure("unseal the cookie (iron-session)", 2000, () => unsealData(seal, { password }));
const { unsealCached } = await import("@/lib/session/unseal-cache");
await measure("unseal the same cookie again (the unseal cache)", 20000, () => unsealCached(seal, password, () => {}));
await measure("limits check on the unsealed data", 20000, async () => sessionState(data, limits));
await measure("full server-side check, first sight of the cookie", 2000, async () =>
  checkSession(await unsealData(seal, { password }), Date.now(), limits),
);
await measure("full server-side check, cached unseal + one SQLite query", 5000, async () =>
  checkSession(await unsealCached(seal, password, () => {}), Date.now(), limits),
);
await measure("seal a refreshed cookie (the proxy's once-a-minute write)", 1000, () =>
  sealData(data, { password, ttl: 3600 }),
);
await measure("argon2id hash (m=19456, t=2, p=1) in the worker pool", 20, () =>
  hashPassword("velvet tractor kiwi orbit lantern"),
);

// The measurement that decided the worker pool: unseals while four hashes are in flight.
const hashes = Array.from({ length: 4 }, () => hashPassword("velvet tractor kiwi orbit lantern"));
const underLoad = await measure("unseal while 4 hashes run (they are not in libuv's pool)", 200, () =>
  unsealData(seal, { password }),
);
await Promise.all(hashes);
console.log(
  `\nunseal under hashing load: ${(underLoad * 1000).toFixed(0)} µs (anchors.md: ~100 ms when hashes share libuv's pool)`,
);
process.exit(0);
