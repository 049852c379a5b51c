import { beforeAll, describe, expect, it } from "vitest";
import { Client, STRONG_PASSWORD, signedUpClient, uniqueEmail } from "../support/http-client";
import { rawExchange } from "../support/raw-wire";

/**
 * R7/R8/R9/R18 and the hardening headers: every HTML page has a nonce-based strict CSP whose nonce is fresh
 * per response and on every script tag; the static headers (nosniff, Referrer-Policy, Permissions-Policy,
 * HSTS for a year) are everywhere; authenticated pages and auth API answers are `no-store`; sign-out clears
 * the cache; and nothing advertises the framework.
 */
let signedIn: Client;

beforeAll(async () => {
  signedIn = (await signedUpClient()).client;
});

const PAGES: Array<[string, () => Client]> = [
  ["/", () => new Client()],
  ["/login", () => new Client()],
  ["/signup", () => new Client()],
  ["/private", () => signedIn],
  ["/account", () => signedIn],
  ["/pages-router/private", () => signedIn],
  ["/no-such-page", () => new Client()],
];

function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(";")) {
    const [name = "", ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

function nonceOf(csp: string): string {
  const match = /'nonce-([^']+)'/.exec(directives(csp).get("script-src")?.join(" ") ?? "");
  expect(match, csp).not.toBeNull();
  return match?.[1] ?? "";
}

async function page(path: string, client: Client): Promise<{ response: Response; html: string }> {
  const response = await client.request(path);
  const html = await response.text();
  expect(response.headers.get("content-type") ?? "", path).toMatch(/^text\/html/);
  return { response, html };
}

describe.each(PAGES)("HTML page %s", (path, client) => {
  it("has a strict nonce CSP: script-src 'nonce-…' 'strict-dynamic', object-src/base-uri/frame-ancestors 'none'", async () => {
    const { response } = await page(path, client());
    const csp = directives(response.headers.get("content-security-policy") ?? "");
    expect(csp.get("script-src")).toContain("'strict-dynamic'");
    expect(csp.get("script-src")?.some((value) => /^'nonce-[A-Za-z0-9+/_-]{16,}={0,2}'$/.test(value))).toBe(true);
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
    expect(csp.get("script-src")).not.toContain("'unsafe-eval'");
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("uses a fresh nonce per response, and every <script> tag carries it", async () => {
    const first = await page(path, client());
    const second = await page(path, client());
    const nonce = nonceOf(first.response.headers.get("content-security-policy") ?? "");
    expect(nonce).not.toBe(nonceOf(second.response.headers.get("content-security-policy") ?? ""));
    const scripts = first.html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("sends nosniff, Referrer-Policy, Permissions-Policy, HSTS >= 1 year, and no X-Powered-By", async () => {
    const { response } = await page(path, client());
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy") ?? "").toMatch(
      /^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/,
    );
    expect(response.headers.get("permissions-policy") ?? "").not.toBe("");
    const maxAge = /max-age=(\d+)/.exec(response.headers.get("strict-transport-security") ?? "")?.[1];
    expect(Number(maxAge)).toBeGreaterThanOrEqual(31_536_000);
    expect(response.headers.get("x-powered-by")).toBeNull();
  });
});

describe("R8: Cache-Control: no-store", () => {
  it("on /private and /account when signed in", async () => {
    for (const path of ["/private", "/account"]) {
      const response = await signedIn.request(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("cache-control") ?? "", path).toMatch(/no-store/);
    }
  });

  it("on every /api/sessions and /api/users answer: success, errors, 405, 413, 415, 403", async () => {
    const { client, email } = await signedUpClient();
    const json = { "content-type": "application/json" };
    const answers: Array<[string, Response]> = [
      ["GET /api/sessions signed in", await client.request("/api/sessions")],
      ["GET /api/sessions signed out", await new Client().request("/api/sessions")],
      [
        "POST /api/sessions 200",
        await new Client().json("POST", "/api/sessions", { email, password: STRONG_PASSWORD }),
      ],
      [
        "POST /api/sessions 401",
        await new Client().json("POST", "/api/sessions", { email, password: "wrong wrong wrong" }),
      ],
      ["POST /api/sessions 400", await new Client().json("POST", "/api/sessions", { email: 1 })],
      ["POST /api/sessions 415", await new Client().request("/api/sessions", { method: "POST", body: "x" })],
      [
        "POST /api/sessions 413",
        await new Client().request("/api/sessions", { method: "POST", headers: json, body: "x".repeat(20_000) }),
      ],
      ["POST /api/sessions 403", await new Client().json("POST", "/api/sessions", {}, { origin: "https://evil.test" })],
      ["PUT /api/sessions 405", await new Client().request("/api/sessions", { method: "PUT" })],
      [
        "POST /api/users 201",
        await new Client().json("POST", "/api/users", { email: uniqueEmail("h"), password: STRONG_PASSWORD }),
      ],
      ["POST /api/users 409", await new Client().json("POST", "/api/users", { email, password: STRONG_PASSWORD })],
      ["POST /api/users 400", await new Client().json("POST", "/api/users", { email: "x" })],
      ["GET /api/users 405", await new Client().request("/api/users")],
      ["DELETE /api/sessions", await client.request("/api/sessions", { method: "DELETE" })],
    ];
    for (const [label, response] of answers) {
      expect(response.headers.get("cache-control") ?? "", label).toMatch(/no-store/);
      expect(response.headers.get("x-powered-by"), label).toBeNull();
      expect(response.headers.get("x-content-type-options"), label).toBe("nosniff");
    }
  });
});

describe('R18: sign-out answers carry Clear-Site-Data: "cache"', () => {
  for (const [method, path] of [
    ["POST", "/api/logout"],
    ["DELETE", "/api/sessions"],
    ["DELETE", "/api/sessions?scope=all"],
  ] as const) {
    it(`${method} ${path}`, async () => {
      const { client } = await signedUpClient();
      const response = await client.request(path, { method });
      expect(response.status).toBe(200);
      expect(response.headers.get("clear-site-data") ?? "").toContain('"cache"');
      expect(response.headers.get("cache-control") ?? "").toMatch(/no-store/);
    });
  }
});

/** The headers every page carries (next.config.ts, the proxy): issue 8 §6 asks the same of every other answer. */
function expectPageHeaders(response: Response, label: string): void {
  expect(response.headers.get("x-content-type-options"), label).toBe("nosniff");
  expect(response.headers.get("referrer-policy"), label).toBe("strict-origin-when-cross-origin");
  expect(response.headers.get("x-frame-options"), label).toBe("DENY");
  expect(response.headers.get("permissions-policy") ?? "", label).not.toBe("");
  expect(response.headers.get("strict-transport-security") ?? "", label).toMatch(/max-age=31536000/);
  const csp = response.headers.get("content-security-policy") ?? "";
  expect(csp, `${label}: one Content-Security-Policy`).toMatch(/frame-ancestors 'none'/);
  expect(csp.match(/default-src/g) ?? [], `${label}: exactly one policy`).toHaveLength(1);
}

describe("issue 8 §6: the proxy's own answers and static 404s carry the page headers", () => {
  it("the redirect of a protected page without a session", async () => {
    for (const path of ["/private", "/account", "/pages-router/private"]) {
      const response = await new Client().request(path);
      expect(response.status, path).toBe(307);
      expectPageHeaders(response, path);
      expect(response.headers.get("x-request-id") ?? "", path).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("the redirect of a trailing slash, /login/ to /login, query kept", async () => {
    for (const [path, target] of [
      ["/login/", "/login"],
      ["/private/?next=%2Fx", "/private?next=%2Fx"],
      ["/api/health/", "/api/health"],
    ]) {
      const response = await new Client().request(path ?? "");
      expect(response.status, path).toBe(308);
      expect(
        new URL(response.headers.get("location") ?? "", "http://x").pathname +
          new URL(response.headers.get("location") ?? "", "http://x").search,
        path,
      ).toBe(target);
      expectPageHeaders(response, path ?? "");
    }
  });

  it("Next.js's own 308 for repeated slashes and backslashes, answered before the proxy", async () => {
    for (const path of ["/private//x", "/a%5Cb", "/login//"]) {
      const raw = await rawExchange(
        new Client().baseUrl,
        `GET ${path.replace("%5C", "\\")} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`,
      );
      expect(raw, path).toMatch(/^HTTP\/1\.1 308/);
      const head = raw.split("\r\n\r\n")[0] ?? "";
      expect(head, path).toMatch(/^x-content-type-options: nosniff$/im);
      expect(head, path).toMatch(/^x-frame-options: DENY$/im);
      expect(head, path).toMatch(/^strict-transport-security: max-age=31536000/im);
      expect(head, path).toMatch(/^content-security-policy: default-src 'none'; frame-ancestors 'none'$/im);
    }
  });

  it("the proxy's 403 to a cross-site form post", async () => {
    const response = await new Client().request("/login", {
      method: "POST",
      headers: { origin: "https://evil.test" },
      body: new URLSearchParams({ email: "a@example.com" }),
    });
    expect(response.status).toBe(403);
    expectPageHeaders(response, "POST /login 403");
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  });

  it.each(["/_next/static/nope.js", "/_next/static/chunks/nope.css", "/icon.svg/nope", "/favicon.ico"])(
    "the static 404 %s",
    async (path) => {
      const response = await new Client().request(path);
      expect(response.status, path).toBe(404);
      expectPageHeaders(response, path);
    },
  );

  it("pages keep exactly one (nonce) policy", async () => {
    const response = await new Client().request("/login");
    expectPageHeaders(response, "/login");
    expect(response.headers.get("content-security-policy")).toMatch(/'nonce-/);
  });
});

describe("issue 8 §6: JSON answers say charset=utf-8", () => {
  it("on success, errors, 404, 405, 413, 415 and 403, App and Pages Router", async () => {
    const json = { "content-type": "application/json" };
    const answers: Array<[string, Response]> = [
      ["GET /api/health", await new Client().request("/api/health")],
      ["GET /api/sessions", await new Client().request("/api/sessions")],
      ["POST /api/sessions 400", await new Client().json("POST", "/api/sessions", { email: 1 })],
      ["POST /api/sessions 415", await new Client().request("/api/sessions", { method: "POST", body: "x" })],
      [
        "POST /api/sessions 413",
        await new Client().request("/api/sessions", { method: "POST", headers: json, body: "x".repeat(20_000) }),
      ],
      ["POST /api/sessions 403", await new Client().json("POST", "/api/sessions", {}, { origin: "https://evil.test" })],
      ["PUT /api/sessions 405", await new Client().request("/api/sessions", { method: "PUT" })],
      ["GET /api/pages-router/session 401", await new Client().request("/api/pages-router/session")],
    ];
    for (const [label, response] of answers) {
      expect(response.headers.get("content-type"), label).toBe("application/json; charset=utf-8");
      await response.arrayBuffer();
    }
  });
});
