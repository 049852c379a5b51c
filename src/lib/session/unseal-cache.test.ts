import { sealData } from "iron-session";
import { describe, expect, it } from "vitest";
import { unsealCached } from "./unseal-cache";

const passwords = { "1": "p".repeat(32) };
const noErrors = (): never => {
  throw new Error("unexpected unseal error");
};

describe("unsealCached", () => {
  it("opens a seal and serves the same data again without unsealing", async () => {
    const seal = await sealData({ uid: "u1" }, { password: passwords, ttl: 60 });
    const first = await unsealCached(seal, passwords, noErrors);
    expect(first).toEqual({ uid: "u1" });
    // A different password map would fail a real unseal; the verified entry answers from the cache.
    expect(await unsealCached(seal, { "9": "q".repeat(32) }, noErrors)).toBe(first);
  });

  it("never caches a seal that did not verify", async () => {
    const seal = await sealData({ uid: "u2" }, { password: passwords, ttl: 60 });
    // One character in the middle of the MAC changed (the last one may carry only padding bits).
    const at = seal.indexOf("~") - 10;
    const tampered = `${seal.slice(0, at)}${seal[at] === "A" ? "Q" : "A"}${seal.slice(at + 1)}`;
    const reasons: string[] = [];
    expect(await unsealCached(tampered, passwords, (reason) => reasons.push(reason))).toEqual({});
    expect(await unsealCached(tampered, passwords, (reason) => reasons.push(reason))).toEqual({});
    expect(reasons).toEqual(["invalid", "invalid"]);
  });

  it("stops serving a cached seal once the seal itself has expired", async () => {
    const seal = await sealData({ uid: "u3" }, { password: passwords, ttl: 1 });
    const other = { "9": "q".repeat(32) };
    expect(await unsealCached(seal, passwords, noErrors)).toEqual({ uid: "u3" });
    expect(await unsealCached(seal, other, noErrors)).toEqual({ uid: "u3" }); // from the cache
    const reasons: string[] = [];
    const pastExpiryAndSkew = Date.now() + 1_000 + 60_000 + 1;
    expect(await unsealCached(seal, other, (reason) => reasons.push(reason), pastExpiryAndSkew)).toEqual({});
    expect(reasons).toEqual(["unknown-password"]);
  });
});

describe("unsealCached against oversized and suffixed seals", () => {
  it("keys on the seal without its unauthenticated suffix, so suffixes cannot fill the cache", async () => {
    const seal = await sealData({ uid: "u4" }, { password: passwords, ttl: 60 });
    expect(await unsealCached(seal, passwords, noErrors)).toEqual({ uid: "u4" });
    // Same seal, another suffix: served from the cache entry (a wrong password map would fail a real unseal).
    expect(await unsealCached(`${seal.split("~")[0]}~2junk`, { "9": "q".repeat(32) }, noErrors)).toEqual({ uid: "u4" });
  });

  it("refuses a seal far longer than ours before any crypto", async () => {
    const seal = await sealData({ uid: "u5" }, { password: passwords, ttl: 60 });
    const reasons: string[] = [];
    expect(await unsealCached(`${seal}${"x".repeat(4096)}`, passwords, (reason) => reasons.push(reason))).toEqual({});
    expect(reasons).toEqual(["invalid"]);
  });
});
