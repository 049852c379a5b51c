import { describe, expect, it } from "vitest";
import { earlyRefusal } from "./early-refusal";

describe("earlyRefusal", () => {
  it.each(["TRACE", "TRACK", "PROPFIND", "CONNECT", "QUERY"])(
    "refuses %s with 405 and an Allow without it",
    (method) => {
      for (const path of ["/api/health", "/login"]) {
        const refusal = earlyRefusal(method, path, {});
        expect(refusal).toMatchObject({ status: 405, code: "method_not_allowed" });
        expect(refusal?.allow?.split(", ")).toContain("GET");
        expect(refusal?.allow).not.toContain(method);
      }
    },
  );

  it.each(["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"])("lets %s through", (method) => {
    expect(earlyRefusal(method, "/api/sessions", {})).toBeNull();
  });

  it("refuses a declared body over 16 KiB on the API and over 64 KiB on pages, from the header alone", () => {
    expect(earlyRefusal("POST", "/api/sessions", { "content-length": "16385" })?.status).toBe(413);
    expect(earlyRefusal("POST", "/api/sessions", { "content-length": "16384" })).toBeNull();
    expect(earlyRefusal("POST", "/login", { "content-length": "99999999" })?.status).toBe(413);
    expect(earlyRefusal("POST", "/login", { "content-length": "20000" })).toBeNull();
  });

  it("takes chunked bodies on the API only: a form always has a Content-Length", () => {
    expect(earlyRefusal("POST", "/api/users", { "transfer-encoding": "chunked" })).toBeNull();
    expect(earlyRefusal("POST", "/signup", { "transfer-encoding": "chunked" })?.status).toBe(411);
  });

  it("treats /api itself and /api/… as the API, and /apiary as a page", () => {
    expect(earlyRefusal("POST", "/api", { "content-length": "20000" })?.status).toBe(413);
    expect(earlyRefusal("POST", "/apiary", { "content-length": "20000" })).toBeNull();
  });
});
