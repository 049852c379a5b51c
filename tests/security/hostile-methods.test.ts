import { describe, expect, inject, it } from "vitest";
import { firstResponse, type RawResponse, rawExchange } from "../support/raw-wire";
import { statusCodes } from "./support";

/**
 * Methods no route serves (TRACE, TRACK, WebDAV verbs) are refused before Next.js sees them: 405, never
 * the 500 and stack trace Next.js's proxy produces for TRACE. JSON with `Allow` under /api/, a plain 405
 * with the security headers elsewhere. Raw sockets: fetch refuses to send TRACE and TRACK.
 */
const baseUrl = inject("baseUrl");

async function send(method: string, path: string): Promise<RawResponse> {
  const raw = await rawExchange(
    baseUrl,
    `${method} ${path} HTTP/1.1\r\nHost: ${new URL(baseUrl).host}\r\nConnection: close\r\n\r\n`,
    5000,
  );
  const response = firstResponse(raw);
  expect(response, raw.slice(0, 300)).not.toBeNull();
  return response as RawResponse;
}

function expectSecurityHeaders(response: RawResponse): void {
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("x-frame-options")).toBe("DENY");
  expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  expect(response.headers.get("strict-transport-security")).toContain("max-age=");
}

describe.each(["TRACE", "PROPFIND", "PURGE"])("%s", (method) => {
  it.each(["/api/health", "/api/sessions", "/api/pages-router/session", "/api/no-such-route"])(
    `${method} %s is a JSON 405 with Allow`,
    async (path) => {
      const response = await send(method, path);
      expect(response.status, response.body.slice(0, 200)).toBe(405);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(response.headers.get("cache-control")).toContain("no-store");
      const allow = (response.headers.get("allow") ?? "").split(",").map((verb) => verb.trim());
      expect(allow).toContain("GET");
      expect(allow).not.toContain(method);
      expect(JSON.parse(response.body)).toEqual({ error: { code: "method_not_allowed", message: expect.any(String) } });
      expectSecurityHeaders(response);
    },
  );

  it.each(["/", "/login", "/private", "/no-such-page"])(
    `${method} %s is a plain 405 with the security headers`,
    async (path) => {
      const response = await send(method, path);
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBeTruthy();
      expect(response.body).not.toMatch(/at \w+ \(|<html/i);
      expectSecurityHeaders(response);
    },
  );
});

describe("TRACK (a method Node's parser does not know)", () => {
  it.each(["/api/health", "/login"])("TRACK %s is 405 with the security headers, never a 5xx", async (path) => {
    const response = await send("TRACK", path);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBeTruthy();
    expectSecurityHeaders(response);
  });
});

describe("TRACE pipelined behind another request", () => {
  it("is answered after that request's answer, not in the middle of it", async () => {
    const host = new URL(baseUrl).host;
    const raw = await rawExchange(
      baseUrl,
      `GET /login HTTP/1.1\r\nHost: ${host}\r\n\r\nTRACE /api/health HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
      10_000,
    );
    expect(statusCodes(raw), raw.slice(0, 300)).toEqual([200, 405]);
    expect(raw.indexOf("</html>")).toBeLessThan(raw.lastIndexOf("HTTP/1.1 405"));
  });
});

describe("the server after hostile methods", () => {
  it("still answers GET /api/health", async () => {
    expect((await fetch(new URL("/api/health", baseUrl))).status).toBe(200);
  });
});
