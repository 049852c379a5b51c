import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { COOKIE_NAME, expectError } from "../integration/helpers";
import { Client, STRONG_PASSWORD, signedUpClient } from "../support/http-client";
import { expectNo5xx } from "./support";

/**
 * R53 / R54: the proxy is only an early redirect; every protected page checks the session itself. None of
 * the known ways to skip or confuse the proxy (x-middleware-subrequest, RSC and prefetch requests, `.rsc`
 * and `_next/data` URLs, case and encoding tricks) shows protected content to a visitor without a live
 * session, whether they have no cookie, a tampered one, or a copy of a seal that was signed out (which the
 * cookie-only proxy cannot tell from a live one: only the page's own check can refuse it).
 */
const PROTECTED_TEXT = ["Only signed-in users can read this", "Your account", "Pages Router secret content"];
const BUILD_ID = readFileSync(resolve(import.meta.dirname, "../../.next/BUILD_ID"), "utf8").trim();

const SUBREQUEST = [
  "middleware",
  "proxy",
  "src/proxy",
  "src/middleware",
  "pages/_middleware",
  "middleware:middleware:middleware:middleware:middleware",
  "proxy:proxy:proxy:proxy:proxy",
  "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
  "src/proxy:src/proxy:src/proxy:src/proxy:src/proxy",
];

const VARIANTS: Array<[string, Record<string, string>]> = [
  ...["/private", "/account"].flatMap((path) =>
    SUBREQUEST.map((value): [string, Record<string, string>] => [path, { "x-middleware-subrequest": value }]),
  ),
  ["/private", { rsc: "1" }],
  ["/account", { rsc: "1" }],
  ["/private", { rsc: "1", "next-router-prefetch": "1" }],
  ["/private", { "next-router-prefetch": "1" }],
  ["/private", { "next-router-segment-prefetch": "/_tree", rsc: "1" }],
  ["/pages-router/private", { "x-nextjs-data": "1" }],
  ["/private?_rsc=abc", {}],
  ["/private.rsc", {}],
  ["/account.rsc", {}],
  ["/private.segments/_tree.segment.rsc", {}],
  ["/private/", {}],
  ["/account/", {}],
  ["/PRIVATE", {}],
  ["/Private", {}],
  ["/%70rivate", {}],
  ["/private%2F", {}],
  ["/%2Fprivate", {}],
  ["/private;x", {}],
  ["/_next/data/anything/private.json", {}],
  [`/_next/data/${BUILD_ID}/private.json`, {}],
  [`/_next/data/${BUILD_ID}/pages-router/private.json`, {}],
  ["/private?__nextDataReq=1", {}],
  ["/pages-router/private?__nextDataReq=1", {}],
];

let tamperedSeal = "";
let endedSeal = "";

beforeAll(async () => {
  const { client } = await signedUpClient();
  const seal = client.cookies.get(COOKIE_NAME) ?? "";
  tamperedSeal = `${seal.slice(0, -6)}${seal.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA"}`;
  endedSeal = seal;
  const copy = new Client();
  copy.cookies.set(COOKIE_NAME, seal);
  expect((await copy.request("/private")).status, "the seal works before sign-out").toBe(200);
  expect((await client.request("/api/logout", { method: "POST" })).status).toBe(200);
});

const COOKIES: Array<[string, () => string | null]> = [
  ["no cookie", () => null],
  ["a tampered cookie", () => tamperedSeal],
  ["a signed-out seal", () => endedSeal],
];

describe.each(COOKIES)("R53/R54 with %s", (_label, seal) => {
  for (const [path, headers] of VARIANTS) {
    it(`${path} ${JSON.stringify(headers)}: no protected content, no 5xx`, async () => {
      const client = new Client();
      const value = seal();
      if (value !== null) client.cookies.set(COOKIE_NAME, value);
      const response = await client.request(path, { headers });
      expectNo5xx(response, path);
      const body = await response.text();
      for (const text of PROTECTED_TEXT) expect(body, `${response.status} ${path}`).not.toContain(text);
    });
  }

  for (const path of ["/api/sessions/refresh", "/api/account/password", "/api/sessions/revoke-others"]) {
    it(`POST ${path}: 401 JSON unauthorized, not a redirect (also with x-middleware-subrequest)`, async () => {
      for (const headers of [
        {},
        { "x-middleware-subrequest": "src/proxy:src/proxy:src/proxy:src/proxy:src/proxy" },
      ] as Record<string, string>[]) {
        const client = new Client();
        const value = seal();
        if (value !== null) client.cookies.set(COOKIE_NAME, value);
        const body = { currentPassword: STRONG_PASSWORD, newPassword: `${STRONG_PASSWORD} new` };
        const response = await client.json("POST", path, body, headers);
        expect(response.headers.get("location")).toBeNull();
        await expectError(response, 401, "unauthorized");
      }
    });
  }
});

describe("the checks above can see protected content when it is there", () => {
  it("a live session reads /private, /account and /pages-router/private", async () => {
    const { client } = await signedUpClient();
    const pages: Array<[string, string]> = [
      ["/private", "Only signed-in users can read this"],
      ["/account", "Your account"],
      ["/pages-router/private", "Pages Router secret content"],
    ];
    for (const [path, text] of pages) {
      const response = await client.request(path);
      expect(response.status, path).toBe(200);
      expect(await response.text()).toContain(text);
    }
  });
});
