import { describe, expect, it } from "vitest";
import { Client, type SetCookie, STRONG_PASSWORD, signedUpClient, uniqueEmail } from "../support/http-client";
import { COOKIE_NAME, expectJson, expectLoginRedirect, pageText, redirectTarget, sessionSetCookie } from "./helpers";

function expectProductionAttributes(cookie: SetCookie | undefined): void {
  expect(cookie, "no session Set-Cookie").toBeDefined();
  if (!cookie) return;
  expect(cookie.name).toBe(COOKIE_NAME);
  expect(cookie.attributes.httponly).toBe(true);
  expect(String(cookie.attributes.samesite).toLowerCase()).toBe("lax");
  expect(cookie.attributes.path).toBe("/");
  expect(cookie.attributes.secure).toBe(true);
  expect(cookie.attributes).not.toHaveProperty("domain");
  expect(Number(cookie.attributes["max-age"])).toBeGreaterThan(0);
}

describe("the session cookie (production)", () => {
  it("is __Host-iron-gate-session, HttpOnly, SameSite=Lax, Path=/, Secure, no Domain, Max-Age > 0 on sign-up", async () => {
    const response = await new Client().json("POST", "/api/users", {
      email: uniqueEmail("cookie"),
      password: STRONG_PASSWORD,
    });
    expect(response.status).toBe(201);
    expectProductionAttributes(sessionSetCookie(response));
  });

  it("has the same attributes on sign-in", async () => {
    const { email } = await signedUpClient();
    const response = await new Client().json("POST", "/api/sessions", { email, password: STRONG_PASSWORD });
    expect(response.status).toBe(200);
    expectProductionAttributes(sessionSetCookie(response));
  });

  it("does not carry the email or the name in clear text", async () => {
    const name = `Hypatia${Date.now()}`;
    const email = uniqueEmail("sealed");
    const response = await new Client().json("POST", "/api/users", { email, password: STRONG_PASSWORD, name });
    expect(response.status).toBe(201);
    const raw = response.headers.getSetCookie().join("\n");
    const decoded = decodeURIComponent(raw);
    for (const needle of [email, email.split("@")[0] ?? email, name, STRONG_PASSWORD]) {
      expect(raw).not.toContain(needle);
      expect(decoded).not.toContain(needle);
    }
  });
});

describe("an unusable session cookie is treated as signed out", () => {
  async function validSeal(): Promise<string> {
    const { client } = await signedUpClient();
    const seal = client.cookies.get(COOKIE_NAME);
    expect(seal).toBeTruthy();
    return seal ?? "";
  }

  function flip(seal: string, index: number): string {
    const char = seal[index] === "A" ? "B" : "A";
    return `${seal.slice(0, index)}${char}${seal.slice(index + 1)}`;
  }

  const variants: Array<[string, () => Promise<string>]> = [
    ["garbage", async () => "not-a-seal"],
    ["random base64-looking text", async () => "Fe26.2**abc*def*ghi*jkl*mno*pqr~2"],
    ["a seal with one character changed in the middle", async () => flip(await validSeal(), 60)],
    ["a seal with its MAC changed", async () => validSeal().then((seal) => flip(seal, seal.length - 5))],
    ["a truncated seal", async () => (await validSeal()).slice(0, -20)],
    ["a seal cut in half", async () => (await validSeal()).slice(0, 40)],
    ["a very long value", async () => "x".repeat(3000)],
    ["an empty value", async () => ""],
  ];

  for (const [label, make] of variants) {
    it(`${label}: {user: null}, /private redirects to login, no 5xx`, async () => {
      const value = await make();
      const client = new Client();
      const headers = { cookie: `${COOKIE_NAME}=${value}` };
      const session = await client.request("/api/sessions", { headers });
      expect((await expectJson<{ user: unknown }>(session)).user).toBeNull();
      const page = await client.request("/private", { headers });
      expectLoginRedirect(page, client.baseUrl, "/private");
      // The proxy bounced it (no readable seal): there is nothing to say but "sign in".
      expect(new URL(redirectTarget(page, client.baseUrl), client.baseUrl).searchParams.has("reason")).toBe(false);
      const pagesApi = await client.request("/api/pages-router/session", { headers });
      expect(pagesApi.status).toBe(401);
      const home = await client.request("/", { headers });
      expect(home.status).toBe(200);
    });
  }
});

describe("the login page after a bounce", () => {
  it("says 'Sign in to continue' to a visitor sent back from a protected page with no session", async () => {
    const client = new Client();
    const bounce = await client.request("/private");
    const login = await client.request(redirectTarget(bounce, client.baseUrl));
    expect(login.status).toBe(200);
    expect(pageText(await login.text())).toContain("Sign in to continue.");
  });
});
