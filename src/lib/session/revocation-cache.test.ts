import { describe, expect, it } from "vitest";
import { RevocationCache } from "./revocation-cache";

const T0 = 1_000_000;

function filled(token = "t1"): RevocationCache<string> {
  const cache = new RevocationCache<string>(5_000, 3);
  expect(cache.fill("u1", "s1", "answer", cache.stamp(token), T0)).toBe(true);
  return cache;
}

describe("RevocationCache (issue 14 §2: never fails open)", () => {
  it("answers a session filled under the current token until its TTL", () => {
    const cache = filled();
    expect(cache.get("u1", "s1", "t1", T0 + 4_999)).toBe("answer");
    expect(cache.get("u1", "s1", "t1", T0 + 5_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("answers nothing once the token changed (a commit elsewhere, a local write, a new epoch)", () => {
    const cache = filled();
    expect(cache.get("u1", "s1", "t2", T0)).toBeUndefined();
    // Back to the old token is no use either: the entry went when it was found stale.
    expect(cache.get("u1", "s1", "t1", T0)).toBeUndefined();
  });

  it("neither answers nor stores while the feed is not current (null token)", () => {
    const cache = filled();
    expect(cache.get("u1", "s1", null, T0)).toBeUndefined();
    expect(cache.fill("u2", "s2", "other", cache.stamp(null), T0)).toBe(false);
    expect(cache.get("u2", "s2", "t1", T0)).toBeUndefined();
  });

  it("drops every session of a user the feed names, and only theirs", () => {
    const cache = filled();
    cache.fill("u1", "s2", "second", cache.stamp("t1"), T0);
    cache.fill("u2", "s3", "third", cache.stamp("t1"), T0);
    cache.dropUser("u1");
    expect(cache.get("u1", "s1", "t1", T0)).toBeUndefined();
    expect(cache.get("u1", "s2", "t1", T0)).toBeUndefined();
    expect(cache.get("u2", "s3", "t1", T0)).toBe("third");
  });

  it("discards an answer whose query a drop overtook (the notification came before the answer)", () => {
    const cache = new RevocationCache<string>();
    const stamp = cache.stamp("t1");
    cache.dropUser("u1");
    expect(cache.fill("u1", "s1", "stale", stamp, T0)).toBe(false);
    expect(cache.get("u1", "s1", "t1", T0)).toBeUndefined();
    const afterClear = cache.stamp("t1");
    cache.clear();
    expect(cache.fill("u1", "s1", "stale", afterClear, T0)).toBe(false);
  });

  it("an entry filled under a token answers only under that token", () => {
    const cache = new RevocationCache<string>();
    const stamp = cache.stamp("t1");
    // The token moved while the query ran: the answer is stored under the old one, so never used.
    cache.fill("u1", "s1", "maybe-stale", stamp, T0);
    expect(cache.get("u1", "s1", "t2", T0)).toBeUndefined();
  });

  it("stays within its size, dropping the oldest", () => {
    const cache = filled();
    cache.fill("u2", "s", "b", cache.stamp("t1"), T0);
    cache.fill("u3", "s", "c", cache.stamp("t1"), T0);
    cache.fill("u4", "s", "d", cache.stamp("t1"), T0);
    expect(cache.size).toBe(3);
    expect(cache.get("u1", "s1", "t1", T0)).toBeUndefined();
    expect(cache.get("u4", "s", "t1", T0)).toBe("d");
  });

  it("keys cannot collide across the user/sid boundary", () => {
    const cache = new RevocationCache<string>();
    cache.fill("ab", "c", "first", cache.stamp("t1"), T0);
    expect(cache.get("a", "bc", "t1", T0)).toBeUndefined();
  });
});
