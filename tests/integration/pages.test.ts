import { describe, expect, it } from "vitest";
import { Client, signedUpClient } from "../support/http-client";
import { expectLoginRedirect, pageText, redirectTarget } from "./helpers";

const SECRET = "Only signed-in users can read this";

async function html(response: Response): Promise<string> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type") ?? "").toMatch(/^text\/html/);
  return pageText(await response.text());
}

describe("/private", () => {
  it("redirects a signed-out visitor (307) to /login?next=%2Fprivate without the secret", async () => {
    const client = new Client();
    const response = await client.request("/private");
    expectLoginRedirect(response, client.baseUrl, "/private");
    expect(response.headers.get("location")).toContain("next=%2Fprivate");
    expect(await response.text()).not.toContain(SECRET);
  });

  it("keeps the query string in next", async () => {
    const client = new Client();
    const response = await client.request("/private?tab=2");
    expectLoginRedirect(response, client.baseUrl, "/private?tab=2");
  });

  it("greets a signed-in user by name and shows the secret content", async () => {
    const name = `Ada${Date.now()}`;
    const { client } = await signedUpClient({ name });
    const text = await html(await client.request("/private"));
    expect(text).toContain(`Hello ${name}`);
    expect(text).toContain(SECRET);
  });

  it("greets a user without a name by email", async () => {
    const { client, email } = await signedUpClient();
    const text = await html(await client.request("/private"));
    expect(text).toContain(`Hello ${email}`);
    expect(text).toContain(SECRET);
  });

  it("escapes a name that looks like HTML", async () => {
    const name = `<img src=x onerror=alert(1)>${Date.now()}`;
    const { client } = await signedUpClient({ name });
    const response = await client.request("/private");
    const raw = await response.text();
    expect(response.status).toBe(200);
    expect(raw).not.toContain("<img src=x onerror");
    expect(pageText(raw)).toContain(`Hello ${name}`);
  });
});

describe("/login and /signup", () => {
  for (const path of ["/login", "/signup"]) {
    it(`${path} redirects a signed-in user to /private`, async () => {
      const { client } = await signedUpClient();
      const response = await client.request(path);
      expect([303, 307, 308]).toContain(response.status);
      expect(redirectTarget(response, client.baseUrl)).toBe("/private");
    });

    it(`${path} renders for a signed-out visitor`, async () => {
      const text = await html(await new Client().request(path));
      expect(text.length).toBeGreaterThan(0);
    });

    it(`${path}?next=//evil.test never redirects a signed-in user off-site`, async () => {
      const { client } = await signedUpClient();
      const response = await client.request(`${path}?next=${encodeURIComponent("//evil.test")}`);
      expect(response.status).toBeGreaterThanOrEqual(300);
      expect(response.status).toBeLessThan(400);
      expect(redirectTarget(response, client.baseUrl)).toBe("/private");
    });
  }
});

describe("/", () => {
  it("shows the signed-in state with the user's name", async () => {
    const name = `Grace${Date.now()}`;
    const { client } = await signedUpClient({ name });
    const text = await html(await client.request("/"));
    expect(text).toContain(name);
    expect(text).toMatch(/signed in/i);
    expect(text).not.toContain("You are not signed in");
  });

  it("shows the signed-out state to a visitor", async () => {
    const text = await html(await new Client().request("/"));
    expect(text).toContain("You are not signed in");
  });

  it("switches to the signed-out state after sign-out", async () => {
    const { client, email } = await signedUpClient();
    expect(await html(await client.request("/"))).toContain(email);
    expect((await client.request("/api/sessions", { method: "DELETE" })).status).toBe(200);
    expect(await html(await client.request("/"))).toContain("You are not signed in");
  });
});
