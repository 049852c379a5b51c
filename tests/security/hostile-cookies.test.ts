import { beforeAll, describe, expect, it } from "vitest";
import { COOKIE_NAME, expectJson, type PublicUserBody } from "../integration/helpers";
import { Client, signedUpClient } from "../support/http-client";
import { expectNo5xx } from "./support";

/**
 * R24 / R59: a malformed Cookie header never throws: bad percent-encoding, an empty seal, duplicate
 * session cookies and an oversized header all end in a 4xx or a signed-out answer, never a 5xx.
 */
const SECRET = "Only signed-in users can read this";

/** What the app is asked with each hostile Cookie header. */
const PROBES: Array<[string, RequestInit]> = [
  ["GET /api/sessions", {}],
  ["GET /private", {}],
  ["GET /", {}],
  ["GET /login", {}],
  ["GET /api/pages-router/session", {}],
  ["GET /pages-router/private", {}],
  ["POST /api/sessions/refresh", { method: "POST", headers: { "content-type": "application/json" } }],
  ["POST /api/logout", { method: "POST", headers: { "content-type": "application/json" } }],
];

async function probe(cookie: string): Promise<Map<string, Response>> {
  const client = new Client();
  const answers = new Map<string, Response>();
  for (const [label, init] of PROBES) {
    const path = label.split(" ")[1] ?? "/";
    const headers = new Headers(init.headers);
    headers.set("cookie", cookie);
    const response = await client.request(path, { ...init, method: init.method ?? "GET", headers });
    expectNo5xx(response, `${label} with cookie ${cookie.slice(0, 60)}`);
    answers.set(label, response);
  }
  return answers;
}

/** Nothing in these answers treats the request as signed in. */
async function expectSignedOut(answers: Map<string, Response>): Promise<void> {
  const status = answers.get("GET /api/sessions");
  if (status?.status === 200) {
    expect((await expectJson<{ user: PublicUserBody | null }>(status)).user).toBeNull();
  }
  expect(await answers.get("GET /private")?.text()).not.toContain(SECRET);
  expect(answers.get("POST /api/sessions/refresh")?.status).not.toBe(200);
}

let validSeal = "";

beforeAll(async () => {
  const { client } = await signedUpClient();
  validSeal = client.cookies.get(COOKIE_NAME) ?? "";
  expect(validSeal.length).toBeGreaterThan(0);
});

describe("R59: malformed session cookies are a signed-out visitor, never a 5xx", () => {
  const garbage: Array<[string, () => string]> = [
    ["bad percent-encoding %E0%A4%A", () => `${COOKIE_NAME}=%E0%A4%A`],
    ["bad percent-encoding %", () => `${COOKIE_NAME}=%`],
    ["an empty session cookie", () => `${COOKIE_NAME}=`],
    ["a seal-shaped forgery", () => `${COOKIE_NAME}=Fe26.2*1*a*b*c*9999999999999*d*e`],
    ["a truncated seal", () => `${COOKIE_NAME}=${validSeal.slice(0, validSeal.length - 10)}`],
    ["a tampered seal", () => `${COOKIE_NAME}=${validSeal.replace(/\*[^*]{4}/, "*AAAA")}`],
    ["no '=' at all", () => COOKIE_NAME],
    ["a bad percent-encoding in another cookie", () => `other=%E0%A4%A; ${COOKIE_NAME}=%zz`],
  ];
  for (const [label, cookie] of garbage) {
    it(label, async () => {
      await expectSignedOut(await probe(cookie()));
    });
  }

  it("the untouched seal still works (the probes above are meaningful)", async () => {
    const answers = await probe(`${COOKIE_NAME}=${validSeal}`);
    const body = await expectJson<{ user: PublicUserBody | null }>(answers.get("GET /api/sessions") as Response);
    expect(body.user).not.toBeNull();
  });
});

describe("R56 parameter pollution: two session cookies in one header", () => {
  for (const [label, cookie] of [
    ["valid first, garbage second", () => `${COOKIE_NAME}=${validSeal}; ${COOKIE_NAME}=garbage`],
    ["garbage first, valid second", () => `${COOKIE_NAME}=garbage; ${COOKIE_NAME}=${validSeal}`],
    ["valid first, bad percent-encoding second", () => `${COOKIE_NAME}=${validSeal}; ${COOKIE_NAME}=%E0%A4%A`],
    ["empty first, valid second", () => `${COOKIE_NAME}=; ${COOKIE_NAME}=${validSeal}`],
  ] as const) {
    it(`${label}: never a 5xx`, async () => {
      await probe(cookie());
    });
  }
});

describe("an oversized Cookie header", () => {
  for (const [label, cookie] of [
    ["one 16 KiB session cookie", () => `${COOKIE_NAME}=${"A".repeat(16 * 1024)}`],
    ["16 KiB of other cookies and a garbage seal", () => `${"x".repeat(16 * 1024)}=1; ${COOKIE_NAME}=garbage`],
    ["400 small cookies", () => Array.from({ length: 400 }, (_, i) => `c${i}=${"v".repeat(30)}`).join("; ")],
  ] as const) {
    it(`${label}: a 4xx (such as 431) or a signed-out answer, never a 5xx`, async () => {
      for (const path of ["/private", "/api/sessions"]) {
        const response = await new Client().request(path, { headers: { cookie: cookie() } });
        expectNo5xx(response, path);
        const text = await response.text();
        expect(text).not.toContain(SECRET);
        if (path === "/api/sessions" && response.status === 200) expect(text).toMatch(/"user":null/);
      }
    });
  }
});
