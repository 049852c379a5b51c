import { describe, expect, it } from "vitest";
import { PEER_HEADER } from "./peer-address";
import { clientIp, ipBucket, normalizeIp } from "./request-context";

describe("client addresses (R41)", () => {
  it("keeps valid addresses, canonical, and refuses the rest", () => {
    expect(normalizeIp("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(normalizeIp(" 2001:DB8::1 ")).toBe("2001:db8::1");
    for (const bad of ["", "999.1.1.1", "not-an-ip", "203.0.113.9, 1.2.3.4", undefined, null]) {
      expect(normalizeIp(bad)).toBeNull();
    }
  });

  it("keys IPv6 clients by their /64 and IPv4 clients by their address", () => {
    expect(ipBucket("2001:db8:1:2:aaaa::1")).toBe("2001:0db8:0001:0002::/64");
    expect(ipBucket("2001:db8:1:2::ffff")).toBe("2001:0db8:0001:0002::/64");
    expect(ipBucket("203.0.113.9")).toBe("203.0.113.9");
  });

  it("without TRUST_PROXY uses the TCP peer and ignores X-Forwarded-For", () => {
    const headers = new Headers({ [PEER_HEADER]: "::ffff:198.51.100.1", "x-forwarded-for": "203.0.113.9" });
    expect(clientIp(headers, 0)).toBe("198.51.100.1");
  });

  it("with TRUST_PROXY=n takes the n-th X-Forwarded-For entry from the right", () => {
    const headers = new Headers({
      "x-forwarded-for": "10.0.0.1, 203.0.113.9, 198.51.100.7",
      [PEER_HEADER]: "127.0.0.1",
    });
    expect(clientIp(headers, 1)).toBe("198.51.100.7");
    expect(clientIp(headers, 2)).toBe("203.0.113.9");
    expect(clientIp(headers, 5)).toBeNull();
  });
});
