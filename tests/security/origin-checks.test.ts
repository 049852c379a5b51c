import { beforeAll, describe, expect, inject, it } from "vitest";
import { expectError, expectJson, type PublicUserBody } from "../integration/helpers";
import { Client, STRONG_PASSWORD, signedUpClient, uniqueEmail } from "../support/http-client";

/**
 * Decision 4 (R46-R50): every unsafe JSON request from another site is refused with 403 `cross_origin`,
 * before anything happens: no cookie is set, no account is created, nobody is signed in or out.
 */
const baseUrl = inject("baseUrl");

const HOSTILE: Array<[string, Record<string, string>]> = [
  ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
  ["Sec-Fetch-Site: same-site", { "sec-fetch-site": "same-site" }],
  ["Origin: https://evil.test", { origin: "https://evil.test" }],
  ["Origin: null", { origin: "null" }],
  ["a look-alike Origin <app origin>.evil.test", { origin: `${baseUrl}.evil.test` }],
  // Issue 8 §5: Fetch Metadata is a list, compared without case; Referer is the fallback when Origin is absent.
  ["Sec-Fetch-Site: Cross-Site", { "sec-fetch-site": "Cross-Site" }],
  ["Sec-Fetch-Site: same-origin, cross-site", { "sec-fetch-site": "same-origin, cross-site" }],
  ["no Origin and no Sec-Fetch-Site, Referer: https://evil.test/…", { referer: "https://evil.test/page?x=1" }],
  ["no Origin, a look-alike Referer <app origin>.evil.test/…", { referer: `${baseUrl}.evil.test/login` }],
];

const ACCEPTED: Array<[string, Record<string, string>]> = [
  ["the app's own Origin", { origin: baseUrl }],
  ["the app's own Origin with Sec-Fetch-Site: same-origin", { origin: baseUrl, "sec-fetch-site": "same-origin" }],
  ["neither Origin nor Sec-Fetch-Site nor Referer (API clients, curl)", {}],
  ["no Origin, the app's own Referer", { referer: `${baseUrl}/login?next=%2Fprivate` }],
  ["Sec-Fetch-Site: Same-Origin with the app's own Origin", { origin: baseUrl, "sec-fetch-site": "Same-Origin" }],
];

/** Whoever the server thinks this client is (null: signed out). */
async function whoAmI(client: Client): Promise<PublicUserBody | null> {
  return (await expectJson<{ user: PublicUserBody | null }>(await client.request("/api/sessions"))).user;
}

async function expectRefused(response: Response): Promise<void> {
  expect(response.headers.getSetCookie(), "a refused request must not set a cookie").toEqual([]);
  await expectError(response, 403, "cross_origin");
}

let knownEmail = "";

beforeAll(async () => {
  knownEmail = (await signedUpClient()).email;
});

describe.each(HOSTILE)("decision 4 / R48: %s is refused with 403 cross_origin", (_label, headers) => {
  it("POST /api/sessions with valid credentials: still signed out (R50, login CSRF)", async () => {
    const client = new Client();
    await expectRefused(
      await client.json("POST", "/api/sessions", { email: knownEmail, password: STRONG_PASSWORD }, headers),
    );
    expect(client.cookies.size).toBe(0);
    expect(await whoAmI(client)).toBeNull();
  });

  it("POST /api/users: no account is created, the email is still free", async () => {
    const email = uniqueEmail("csrf-signup");
    const client = new Client();
    await expectRefused(await client.json("POST", "/api/users", { email, password: STRONG_PASSWORD }, headers));
    expect(await whoAmI(client)).toBeNull();
    const later = await new Client().json("POST", "/api/users", { email, password: STRONG_PASSWORD });
    expect(later.status, await later.clone().text()).toBe(201);
  });

  it("POST /api/logout: the user stays signed in", async () => {
    const { client, email } = await signedUpClient();
    await expectRefused(await client.json("POST", "/api/logout", undefined, headers));
    expect((await whoAmI(client))?.email).toBe(email);
  });

  it("DELETE /api/sessions: the user stays signed in", async () => {
    const { client, email } = await signedUpClient();
    await expectRefused(await client.json("DELETE", "/api/sessions", undefined, headers));
    await expectRefused(await client.json("DELETE", "/api/sessions?scope=all", undefined, headers));
    expect((await whoAmI(client))?.email).toBe(email);
  });

  it("POST /api/sessions/refresh: no new seal", async () => {
    const { client, email } = await signedUpClient();
    await expectRefused(await client.json("POST", "/api/sessions/refresh", undefined, headers));
    expect((await whoAmI(client))?.email).toBe(email);
  });
});

describe.each(ACCEPTED)("decision 4: %s is accepted", (_label, headers) => {
  it("POST /api/sessions signs in", async () => {
    const client = new Client();
    const response = await client.json(
      "POST",
      "/api/sessions",
      { email: knownEmail, password: STRONG_PASSWORD },
      headers,
    );
    await expectJson(response, 200);
    expect((await whoAmI(client))?.email).toBe(knownEmail);
  });

  it("POST /api/users signs up", async () => {
    const client = new Client();
    const email = uniqueEmail("same-origin");
    await expectJson(await client.json("POST", "/api/users", { email, password: STRONG_PASSWORD }, headers), 201);
    expect((await whoAmI(client))?.email).toBe(email);
  });

  it("POST /api/sessions/refresh refreshes", async () => {
    const { client } = await signedUpClient();
    await expectJson(await client.json("POST", "/api/sessions/refresh", undefined, headers), 200);
  });

  it("POST /api/logout and DELETE /api/sessions sign out", async () => {
    for (const [method, path] of [
      ["POST", "/api/logout"],
      ["DELETE", "/api/sessions"],
    ] as const) {
      const { client } = await signedUpClient();
      await expectJson(await client.json(method, path, undefined, headers), 200);
      expect(await whoAmI(client)).toBeNull();
    }
  });
});

describe("pages and server actions: the proxy refuses foreign form posts", () => {
  const form = (): URLSearchParams => new URLSearchParams({ email: knownEmail, password: STRONG_PASSWORD });
  const cases: Array<[string, Record<string, string>]> = [
    ["Origin: https://evil.test", { origin: "https://evil.test" }],
    ["Origin: null", { origin: "null" }],
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
    ["a look-alike Origin", { origin: `${baseUrl}.evil.test` }],
    ["Sec-Fetch-Site: Cross-Site", { "sec-fetch-site": "Cross-Site" }],
    ["Sec-Fetch-Site: same-origin, cross-site", { "sec-fetch-site": "same-origin, cross-site" }],
    ["a cross-site Referer and no Origin", { referer: "https://evil.test/login" }],
  ];
  for (const path of ["/login", "/signup", "/account"]) {
    for (const [label, headers] of cases) {
      it(`POST ${path} with ${label}: 403 cross_origin, no cookie`, async () => {
        const client = new Client();
        const response = await client.request(path, { method: "POST", headers, body: form() });
        expect(response.headers.getSetCookie()).toEqual([]);
        await expectError(response, 403, "cross_origin");
      });
    }
  }

  it("POST /login from the app's own origin is not refused by the origin check", async () => {
    const response = await new Client().request("/login", {
      method: "POST",
      headers: { origin: baseUrl },
      body: form(),
    });
    expect(response.status).not.toBe(403);
    expect(response.status).toBeLessThan(500);
  });
});
