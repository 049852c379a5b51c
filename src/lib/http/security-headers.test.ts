import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, staticSecurityHeaders } from "./security-headers";

describe("security headers", () => {
  it("production: scripts and styles only with the nonce, nothing inline, no eval", () => {
    const csp = contentSecurityPolicy("abc", false);
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).toContain("style-src 'self' 'nonce-abc'");
    expect(csp).not.toMatch(/unsafe-(eval|inline)/);
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) {
      expect(csp).toContain(directive);
    }
  });

  it("development: eval and inline styles for the dev tooling, and no style nonce that would cancel them", () => {
    const csp = contentSecurityPolicy("abc", true);
    expect(csp).toContain("'unsafe-eval'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
  });

  it("gives a fresh nonce each time", () => {
    expect(new Set(Array.from({ length: 20 }, newNonce)).size).toBe(20);
  });

  it("sends HSTS for a year in production only", () => {
    const hsts = (production: boolean) =>
      staticSecurityHeaders(production).find((header) => header.key === "Strict-Transport-Security")?.value;
    expect(hsts(true)).toBe("max-age=31536000; includeSubDomains");
    expect(hsts(false)).toBeUndefined();
  });
});
