import { describe, expect, it } from "vitest";
import { HashPool, HashPoolBusyError } from "./hash-pool";

const job = { message: "a password", nonce: Buffer.alloc(16, 1), memory: 64, passes: 1, parallelism: 1, tagLength: 32 };

describe("HashPool", () => {
  it("computes the same tag as argon2 for the same input", async () => {
    const pool = new HashPool(1);
    const [a, b] = await Promise.all([pool.run(job), pool.run(job)]);
    expect(a).toHaveLength(32);
    expect(a?.equals(b as Buffer)).toBe(true);
  });

  it("never runs more hashes at once than it has workers, and queues the rest", async () => {
    const pool = new HashPool(2);
    const all = Promise.all(Array.from({ length: 6 }, () => pool.run({ ...job, memory: 8192 })));
    expect(pool.stats()).toMatchObject({ size: 2, running: 2, queued: 4 });
    await all;
    expect(pool.stats()).toMatchObject({ running: 0, queued: 0, completed: 6 });
  });

  it("refuses work beyond its queue bound instead of growing without limit", async () => {
    const pool = new HashPool(1, 2);
    // One running, two waiting: the queue is full.
    const accepted = [pool.run(job), pool.run(job), pool.run(job)];
    expect(pool.stats()).toMatchObject({ running: 1, queued: 2 });
    await expect(pool.run(job)).rejects.toBeInstanceOf(HashPoolBusyError);
    await Promise.all(accepted);
  });

  it("reports a failed hash as an error and keeps serving", async () => {
    const pool = new HashPool(1);
    await expect(pool.run({ ...job, nonce: Buffer.alloc(2) })).rejects.toThrow();
    await expect(pool.run(job)).resolves.toHaveLength(32);
  });
});
