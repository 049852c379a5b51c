import { describe, expect, it } from "vitest";
import { Client, signedUpClient } from "../support/http-client";
import { COOKIE_NAME, expectJson, type PublicUserBody } from "./helpers";

interface SessionBody {
  user: PublicUserBody | null;
  expiresAt?: number;
}

describe("GET /api/sessions", () => {
  it("says {user: null} when signed out, with no-store and no Set-Cookie", async () => {
    const response = await new Client().request("/api/sessions");
    expect(response.headers.getSetCookie()).toEqual([]);
    const body = await expectJson<SessionBody>(response);
    expect(body).toHaveProperty("user");
    expect(body.user).toBeNull();
  });

  it("returns the public user and a future expiresAt when signed in", async () => {
    const { client, email } = await signedUpClient({ name: "Katherine" });
    const before = Date.now();
    const response = await client.request("/api/sessions");
    const body = await expectJson<SessionBody>(response);
    expect(body.user).toMatchObject({ email, name: "Katherine", isAdmin: false });
    expect(Object.keys(body.user ?? {}).sort()).toEqual(["email", "id", "isAdmin", "name"]);
    expect(typeof body.expiresAt).toBe("number");
    expect(body.expiresAt).toBeGreaterThan(before);
  });

  it("never sends Set-Cookie when signed in, and leaves the cookie unchanged", async () => {
    const { client } = await signedUpClient();
    const seal = client.cookies.get(COOKIE_NAME);
    for (let i = 0; i < 3; i += 1) {
      const response = await client.request("/api/sessions");
      expect(response.status).toBe(200);
      expect(response.headers.getSetCookie()).toEqual([]);
    }
    expect(client.cookies.get(COOKIE_NAME)).toBe(seal);
  });

  it("keeps two clients' sessions apart", async () => {
    const a = await signedUpClient({ name: "A" });
    const b = await signedUpClient({ name: "B" });
    const [bodyA, bodyB] = await Promise.all([
      expectJson<SessionBody>(await a.client.request("/api/sessions")),
      expectJson<SessionBody>(await b.client.request("/api/sessions")),
    ]);
    expect(bodyA.user?.email).toBe(a.email);
    expect(bodyB.user?.email).toBe(b.email);
    expect(bodyA.user?.id).not.toBe(bodyB.user?.id);
  });
});

describe("GET /api/health", () => {
  it("answers 200 {ok: true}", async () => {
    const response = await new Client().request("/api/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true });
  });
});
