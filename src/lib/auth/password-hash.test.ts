import { describe, expect, it, vi } from "vitest";
import { hashPool } from "./hash-pool";
import { ARGON2_PARAMS, DUMMY_HASH, hashPassword, needsRehash, parseHash, verifyPassword } from "./password-hash";
import { readHash } from "./password-hash-format";

const PASSWORD = "velvet tractor kiwi orbit lantern";

describe("argon2id password hashes (R35-R38)", () => {
  it("writes a PHC string with OWASP's parameters and a 16-byte salt", async () => {
    const phc = await hashPassword(PASSWORD);
    expect(phc).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(parseHash(phc)).toMatchObject({ ...ARGON2_PARAMS });
    expect(parseHash(phc)?.salt).toHaveLength(16);
  });

  it("salts every hash", async () => {
    expect(await hashPassword(PASSWORD)).not.toBe(await hashPassword(PASSWORD));
  });

  it("verifies the exact password only: no trimming, no case folding", async () => {
    const phc = await hashPassword(PASSWORD);
    expect(await verifyPassword(PASSWORD, phc)).toBe(true);
    expect(await verifyPassword(`${PASSWORD} `, phc)).toBe(false);
    expect(await verifyPassword(PASSWORD.toUpperCase(), phc)).toBe(false);
  });

  it("never matches an unreadable hash, yet still spends one hash on it", async () => {
    const before = hashPool().stats().completed;
    expect(await verifyPassword(PASSWORD, "not a hash")).toBe(false);
    expect(await verifyPassword(PASSWORD, DUMMY_HASH)).toBe(false);
    expect(hashPool().stats().completed - before).toBe(2);
  });

  it("asks for a rehash when the stored parameters are weaker (R36)", async () => {
    const weak = await hashPassword(PASSWORD, { memory: 9216, passes: 4, parallelism: 1 });
    expect(await verifyPassword(PASSWORD, weak)).toBe(true);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(await hashPassword(PASSWORD))).toBe(false);
    expect(needsRehash("garbage")).toBe(true);
  });

  it("hashes in a worker thread, so neither the event loop nor libuv's pool runs argon2", async () => {
    // Whether hashing is fast enough next to other work is the benchmark's question (npm run bench).
    const { threadId } = await hashPool().argon2({
      message: PASSWORD,
      nonce: Buffer.alloc(16),
      tagLength: 32,
      ...ARGON2_PARAMS,
    });
    expect(threadId).toBeGreaterThan(0);
  });
});

describe("stored hashes beyond ARGON2_BOUNDS (fail closed)", () => {
  const salt = Buffer.alloc(16, 7).toString("base64").replace(/=+$/, "");
  const tag = Buffer.alloc(32, 9).toString("base64").replace(/=+$/, "");
  const phc = (params: string, s = salt, t = tag): string => `$argon2id$v=19$${params}$${s}$${t}`;

  it.each([
    ["memory at the bound", phc("m=262144,t=2,p=1")],
    ["memory × passes at the bound", phc("m=262144,t=4,p=1")],
    ["passes at the bound", phc("m=19456,t=10,p=1")],
    ["lanes at the bound", phc("m=19456,t=2,p=8")],
  ])("reads %s", (_label, hash) => {
    expect(readHash(hash)).toMatchObject({ ok: true });
  });

  it.each([
    ["4 GiB and 1000 passes", phc("m=4194304,t=1000,p=1")],
    ["memory over 256 MiB", phc("m=262145,t=2,p=1")],
    ["11 passes", phc("m=19456,t=11,p=1")],
    ["256 MiB and 10 passes (memory × passes)", phc("m=262144,t=10,p=1")],
    ["9 lanes", phc("m=19456,t=2,p=9")],
    ["zero passes", phc("m=19456,t=0,p=1")],
    ["less than 8 KiB per lane", phc("m=16,t=2,p=4")],
    ["a huge number", phc("m=99999999999999999999,t=2,p=1")],
    ["a 4-byte salt", phc("m=19456,t=2,p=1", "AAAAAA")],
    ["a 128-byte tag", phc("m=19456,t=2,p=1", salt, "A".repeat(171))],
  ])("refuses %s", (_label, hash) => {
    expect(readHash(hash).ok).toBe(false);
    expect(parseHash(hash)).toBeNull();
  });

  it("treats an out-of-bounds hash as a wrong password, spends one ordinary hash, and logs it without the hash", async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((line: string) => void lines.push(line));
    const huge = phc("m=4194304,t=1000,p=1");
    const before = hashPool().stats().completed;
    try {
      expect(await verifyPassword(PASSWORD, huge)).toBe(false);
    } finally {
      spy.mockRestore();
    }
    expect(hashPool().stats().completed - before).toBe(1);
    const rejected = lines.map((line) => JSON.parse(line)).filter((line) => line.event === "password_hash_rejected");
    expect(rejected).toEqual([expect.objectContaining({ level: "warn", reason: "out_of_bounds" })]);
    expect(lines.join("\n")).not.toContain(salt);
    expect(lines.join("\n")).not.toContain("m=4194304");
  });
});
