import { sealData } from "iron-session";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";
import { Client, STRONG_PASSWORD, uniqueEmail } from "../support/http-client";
import { openSeal } from "../support/seal";
import { COOKIE_NAME, pageText, sessionSetCookie } from "./helpers";

// A server of its own: the tests forge aged seals with its secret. Default limits: the proxy re-seals a
// cookie last seen over a minute ago, and answers the same old cookie with the same new seal for 30 s
// (reseal-memo.ts): far longer than these few requests take on a busy machine.
let server: AppServer;

beforeAll(async () => {
  server = await startAppServer("proxy-reseal");
});
afterAll(() => server?.stop());

const passwords = (): Record<string, string> => ({ "1": server.env.SESSION_SECRET ?? "" });

/** A signed-up user's cookie, forged two minutes older: due for the proxy's re-seal on the next page. */
async function agedCookie(): Promise<{ seal: string; lastSeenAt: number }> {
  const client = new Client(server.baseUrl);
  const signUp = await client.json("POST", "/api/users", { email: uniqueEmail("reseal"), password: STRONG_PASSWORD });
  expect(signUp.status).toBe(201);
  const data = await openSeal(client.cookies.get(COOKIE_NAME) ?? "", passwords());
  expect(data).not.toBeNull();
  const lastSeenAt = Date.now() - 2 * 60_000;
  const seal = await sealData({ ...data, lastSeenAt }, { password: passwords(), ttl: 3_600 });
  return { seal, lastSeenAt };
}

async function pageWith(seal: string): Promise<Response> {
  const client = new Client(server.baseUrl);
  client.cookies.set(COOKIE_NAME, seal);
  return client.request("/private");
}

describe("the proxy's re-seal of an old cookie (issue 14)", () => {
  it("answers the same old cookie with the same new seal, which slides the idle window and signs in", async () => {
    const { seal, lastSeenAt } = await agedCookie();
    // A client that never keeps the refreshed cookie (or requests already in flight with the old one).
    const first = await pageWith(seal);
    const second = await pageWith(seal);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    const resealed = sessionSetCookie(first)?.value ?? "";
    expect(resealed).not.toBe("");
    expect(resealed).not.toBe(seal);
    // Without the memo, every such request is a new seal (fresh salts), and each a full unseal in the page.
    expect(sessionSetCookie(second)?.value).toBe(resealed);
    const slid = await openSeal(resealed, passwords());
    expect(slid?.lastSeenAt ?? 0).toBeGreaterThan(lastSeenAt + 60_000);
    // The new seal is an ordinary session cookie: its own page, with no re-seal due.
    const withNew = await pageWith(resealed);
    expect(withNew.status).toBe(200);
    expect(pageText(await withNew.text())).toContain("Secret content");
    expect(sessionSetCookie(withNew)).toBeUndefined();
  });

  it("keys the memory by the whole old seal: another cookie of the same session gets a seal of its own", async () => {
    const { seal } = await agedCookie();
    const data = await openSeal(seal, passwords());
    const sibling = await sealData(
      { ...data, lastSeenAt: (data?.lastSeenAt ?? 0) - 1_000 },
      { password: passwords(), ttl: 3_600 },
    );
    const fromFirst = sessionSetCookie(await pageWith(seal))?.value;
    const fromSibling = sessionSetCookie(await pageWith(sibling))?.value;
    expect(fromFirst).toBeDefined();
    expect(fromSibling).toBeDefined();
    expect(fromSibling).not.toBe(fromFirst);
  });
});
