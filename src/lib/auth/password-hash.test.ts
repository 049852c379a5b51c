import { webcrypto } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashPool } from "./hash-pool";
import { ARGON2_PARAMS, DUMMY_HASH, hashPassword, needsRehash, parseHash, verifyPassword } from "./password-hash";

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

  it("hashes off libuv's pool: WebCrypto work finishes while hashes are running", async () => {
    const order: string[] = [];
    const hashes = Array.from({ length: 4 }, () => hashPassword(PASSWORD).then(() => order.push("hash")));
    await webcrypto.subtle.digest("SHA-256", new Uint8Array(64)).then(() => order.push("digest"));
    await Promise.all(hashes);
    expect(order[0]).toBe("digest");
  });
});
