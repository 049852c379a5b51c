import { describe, expect, it } from "vitest";
import { checkOrigin, type OriginPolicy } from "./origin-check";

const APP = "https://app.example.test";
const production: OriginPolicy = { appOrigin: APP, trustedOrigins: ["https://admin.example.test"] };
const development: OriginPolicy = { appOrigin: undefined, trustedOrigins: [] };

function verdict(headers: Record<string, string>, policy = production, url = `${APP}/api/sessions`, method = "POST") {
  return checkOrigin({ method, url, headers: new Headers(headers) }, policy).ok;
}

describe("checkOrigin (decision 4, R48)", () => {
  it("lets safe methods through whatever they carry", () => {
    expect(verdict({ origin: "https://evil.test" }, production, `${APP}/`, "GET")).toBe(true);
  });

  it.each(["cross-site", "same-site", "Cross-Site", "SAME-SITE", "same-origin, cross-site", "cross-site,same-origin"])(
    "refuses Sec-Fetch-Site: %s even with the app's own Origin",
    (site) => {
      expect(verdict({ "sec-fetch-site": site, origin: APP })).toBe(false);
    },
  );

  it("accepts the app's and the trusted origins, exactly", () => {
    expect(verdict({ origin: APP, "sec-fetch-site": "same-origin" })).toBe(true);
    expect(verdict({ origin: "https://admin.example.test" })).toBe(true);
    expect(verdict({ origin: `${APP}.evil.test` })).toBe(false);
    expect(verdict({ origin: "http://app.example.test" })).toBe(false);
    expect(verdict({ origin: "null" })).toBe(false);
  });

  it("falls back to Referer when there is no Origin", () => {
    expect(verdict({ referer: "https://evil.test/page" })).toBe(false);
    expect(verdict({ referer: `${APP}.evil.test/login` })).toBe(false);
    expect(verdict({ referer: "not a url" })).toBe(false);
    expect(verdict({ referer: `${APP}/login?next=%2Fprivate` })).toBe(true);
    expect(verdict({ referer: "https://evil.test/", "sec-fetch-site": "same-origin" })).toBe(false);
  });

  it("allows a request with none of the three headers (API clients, curl)", () => {
    expect(verdict({})).toBe(true);
  });

  it("in development without APP_ORIGIN, accepts every loopback name on the request's port, and no other port", () => {
    const url = "http://localhost:3000/login";
    for (const origin of ["http://localhost:3000", "http://127.0.0.1:3000", "http://[::1]:3000"]) {
      expect(verdict({ origin }, development, url), origin).toBe(true);
    }
    expect(verdict({ origin: "http://localhost:4000" }, development, url)).toBe(false);
    expect(verdict({ origin: "http://evil.test:3000" }, development, url)).toBe(false);
    expect(verdict({ referer: "http://127.0.0.1:3000/login" }, development, url)).toBe(true);
    // DNS rebinding: the request is addressed to the attacker's name, and its Origin agrees.
    expect(verdict({ origin: "http://evil.test:3000" }, development, "http://evil.test:3000/login")).toBe(false);
  });

  it("with APP_ORIGIN, the address the server listens on is foreign", () => {
    expect(verdict({ origin: "http://localhost:3000" }, production, "http://localhost:3000/login")).toBe(false);
  });
});
