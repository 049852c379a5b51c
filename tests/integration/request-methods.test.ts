import { describe, expect, inject, it } from "vitest";
import { Client } from "../support/http-client";
import { firstResponse, rawExchange } from "../support/raw-wire";
import { expectError } from "./helpers";

/**
 * The JSON contract for every verb: each API route answers the verbs it does not serve with 405
 * `method_not_allowed`, the documented error body and an `Allow` that names what it serves; verbs no
 * route serves (TRACE, WebDAV) are refused the same way before routing.
 */
const ROUTES: Array<[string, string[]]> = [
  ["/api/users", ["POST"]],
  ["/api/sessions", ["GET", "POST", "DELETE"]],
  ["/api/sessions/refresh", ["POST"]],
  ["/api/sessions/revoke-others", ["POST"]],
  ["/api/sessions/confirm", ["POST"]],
  ["/api/logout", ["POST"]],
  ["/api/account/password", ["POST"]],
  ["/api/account", ["PATCH", "DELETE"]],
  ["/api/account/sessions", ["GET"]],
  ["/api/account/sessions/AAAAAAAAAAAAAAAAAAAAAA", ["DELETE"]],
  ["/api/health", ["GET"]],
  ["/api/pages-router/session", ["GET", "POST", "DELETE"]],
];
const VERBS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

function allowOf(header: string | null | undefined): string[] {
  return (header ?? "").split(",").map((verb) => verb.trim().toUpperCase());
}

describe.each(ROUTES)("%s", (path, served) => {
  for (const method of VERBS.filter((verb) => !served.includes(verb))) {
    it(`${method} is 405 method_not_allowed JSON with Allow: ${served.join(", ")}`, async () => {
      const response = await new Client().request(path, { method });
      const allow = allowOf(response.headers.get("allow"));
      await expectError(response, 405, "method_not_allowed");
      for (const verb of served) expect(allow).toContain(verb);
      expect(allow).not.toContain(method);
    });
  }

  for (const method of ["TRACE", "PROPFIND"]) {
    it(`${method} is 405 method_not_allowed JSON with Allow`, async () => {
      const host = new URL(inject("baseUrl")).host;
      const raw = await rawExchange(
        inject("baseUrl"),
        `${method} ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
      );
      const response = firstResponse(raw);
      expect(response?.status, raw.slice(0, 300)).toBe(405);
      expect(response?.headers.get("content-type")).toMatch(/^application\/json/);
      expect(JSON.parse(response?.body ?? "")).toEqual({
        error: { code: "method_not_allowed", message: expect.any(String) },
      });
      for (const verb of served) expect(allowOf(response?.headers.get("allow"))).toContain(verb);
    });
  }
});
