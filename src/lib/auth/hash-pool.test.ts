import { isMainThread, threadId } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { isTemporaryFailure } from "@/lib/http/temporary-failure";
import { HashPool, HashPoolBusyError, HashWorkerLostError } from "./hash-pool";
import { HASH_WORKER_SOURCE } from "./hash-worker-source";

const job = { message: "a password", nonce: Buffer.alloc(16, 1), memory: 64, passes: 1, parallelism: 1, tagLength: 32 };

// The real worker, preceded by a listener that ends the thread on one message: a stand-in for a crash or
// an out-of-memory kill. Only tests build a pool with another source.
const DYING_WORKER = `
require("node:worker_threads").parentPort.on("message", ({ job }) => {
  if (job.kind === "argon2" && job.argon2.message === "die") process.exit(7);
});
${HASH_WORKER_SOURCE}`;

describe("HashPool", () => {
  it("computes the same tag as argon2 for the same input", async () => {
    const pool = new HashPool(1);
    const [a, b] = await Promise.all([pool.argon2(job), pool.argon2(job)]);
    expect(a.value).toHaveLength(32);
    expect(a.value.equals(b.value)).toBe(true);
  });

  it("computes in a worker thread, never on the main thread", async () => {
    expect(isMainThread && threadId === 0).toBe(true);
    const { threadId: worker } = await new HashPool(1).argon2(job);
    expect(worker).toBeGreaterThan(0);
  });

  it("never runs more hashes at once than it has workers, and queues the rest", async () => {
    const pool = new HashPool(2);
    const all = Promise.all(Array.from({ length: 6 }, () => pool.argon2({ ...job, memory: 8192 })));
    expect(pool.stats()).toMatchObject({ size: 2, running: 2, queued: 4 });
    await all;
    expect(pool.stats()).toMatchObject({ running: 0, queued: 0, completed: 6 });
  });

  it("refuses work beyond its queue bound instead of growing without limit", async () => {
    const pool = new HashPool(1, 2);
    // One running, two waiting: the queue is full.
    const accepted = [pool.argon2(job), pool.argon2(job), pool.argon2(job)];
    expect(pool.stats()).toMatchObject({ running: 1, queued: 2 });
    await expect(pool.argon2(job)).rejects.toBeInstanceOf(HashPoolBusyError);
    await Promise.all(accepted);
  });

  it("reports a failed hash as an error and keeps serving", async () => {
    const pool = new HashPool(1);
    await expect(pool.argon2({ ...job, nonce: Buffer.alloc(2) })).rejects.toThrow();
    await expect(pool.argon2(job)).resolves.toMatchObject({ value: expect.any(Buffer) });
  });

  it("fails the job of a worker that dies as a temporary failure (503), replaces it, and runs the next job", async () => {
    const pool = new HashPool(1, 256, DYING_WORKER);
    const first = await pool.argon2(job);
    // The job queued behind the dying one runs on the replacement.
    const [died, next] = await Promise.allSettled([pool.argon2({ ...job, message: "die" }), pool.argon2(job)]);
    expect(died.status).toBe("rejected");
    const error = died.status === "rejected" ? died.reason : undefined;
    expect(error).toBeInstanceOf(HashWorkerLostError);
    expect(isTemporaryFailure(error)).toBe(true);
    expect(next.status === "fulfilled" && next.value.value.equals(first.value)).toBe(true);
    expect(next.status === "fulfilled" && next.value.threadId).not.toBe(first.threadId);
    expect(pool.stats()).toMatchObject({ size: 1, running: 0, queued: 0 });
  });

  it("on close, fails what waits and refuses new work", async () => {
    const pool = new HashPool(1);
    // The running hash either finishes before its worker stops or fails as a temporary failure.
    const running = pool.argon2({ ...job, memory: 8192 }).then(
      () => true,
      (error: unknown) => isTemporaryFailure(error),
    );
    const waiting = pool.argon2(job).then(
      () => "ran",
      (error: unknown) => error,
    );
    await pool.close();
    expect(await waiting).toBeInstanceOf(HashPoolBusyError);
    await expect(pool.argon2(job)).rejects.toBeInstanceOf(HashPoolBusyError);
    expect(await running).toBe(true);
  });
});
