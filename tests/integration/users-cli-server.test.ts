import { describe, expect, inject, it } from "vitest";
import { Client, STRONG_PASSWORD, signedUpClient, uniqueEmail } from "../support/http-client";
import {
  type CliResult,
  currentUser,
  expectJson,
  expectLoginRedirect,
  type PublicUserBody,
  runUsersCli,
} from "./helpers";

/** These tests use the running server's own database: every email is unique. */
function serverCli(args: string[], stdin = ""): Promise<CliResult> {
  return runUsersCli(inject("databaseUrl"), args, stdin);
}

function expectExit(result: CliResult, code: number): void {
  expect(result.code, `stdout: ${result.stdout}\nstderr: ${result.stderr}`).toBe(code);
}

async function signIn(client: Client, email: string): Promise<Response> {
  return client.json("POST", "/api/sessions", { email, password: STRONG_PASSWORD });
}

describe("the users CLI against the server's database", () => {
  it("a user created with the CLI can sign in over HTTP", async () => {
    const email = uniqueEmail("cli");
    expectExit(await serverCli(["add", email, "--name", "Cli User"], `${STRONG_PASSWORD}\n`), 0);
    const client = new Client();
    const body = await expectJson<{ user: PublicUserBody }>(await signIn(client, email));
    expect(body.user).toMatchObject({ email, name: "Cli User", isAdmin: false });
    expect((await currentUser(client))?.email).toBe(email);
    const page = await client.request("/private");
    expect(page.status).toBe(200);
  });

  it("an admin created with --admin shows isAdmin: true in GET /api/sessions", async () => {
    const email = uniqueEmail("cliadmin");
    expectExit(await serverCli(["add", email, "--admin"], STRONG_PASSWORD), 0);
    const client = new Client();
    expect((await signIn(client, email)).status).toBe(200);
    expect(await currentUser(client)).toMatchObject({ email, isAdmin: true });
  });

  it("set-admin on is visible to the next sign-in", async () => {
    const { email } = await signedUpClient();
    expectExit(await serverCli(["set-admin", email, "on"]), 0);
    const client = new Client();
    expect((await signIn(client, email)).status).toBe(200);
    expect((await currentUser(client))?.isAdmin).toBe(true);
  });

  it("the CLI refuses an email already taken over HTTP (exit 1)", async () => {
    const { email } = await signedUpClient();
    expectExit(await serverCli(["add", email.toUpperCase()], STRONG_PASSWORD), 1);
  });

  it("a user deleted with the CLI is signed out everywhere", async () => {
    const { client, email } = await signedUpClient({ name: "Doomed" });
    expect((await currentUser(client))?.email).toBe(email);
    expect((await client.request("/private")).status).toBe(200);
    expectExit(await serverCli(["remove", email]), 0);
    expect(await currentUser(client)).toBeNull();
    const page = await client.request("/private");
    expectLoginRedirect(page, client.baseUrl, "/private");
    expect(await page.text()).not.toContain("Hello Doomed");
    expect((await client.request("/api/pages-router/session")).status).toBe(401);
    const pagesPrivate = await client.request("/pages-router/private");
    expectLoginRedirect(pagesPrivate, client.baseUrl, "/pages-router/private", null);
    expect((await signIn(new Client(), email)).status).toBe(401);
  });

  it("a deleted user's email can sign up again as a new account, and the old cookie stays signed out", async () => {
    const { client: old, email } = await signedUpClient();
    const oldId = (await currentUser(old))?.id;
    expectExit(await serverCli(["remove", email]), 0);
    const fresh = new Client();
    const response = await fresh.json("POST", "/api/users", { email, password: STRONG_PASSWORD });
    const body = await expectJson<{ user: PublicUserBody }>(response, 201);
    expect(body.user.id).not.toBe(oldId);
    expect(await currentUser(old)).toBeNull();
  });

  it("disable ends the user's sessions and refuses their sign-in like a wrong password; enable lets them in", async () => {
    const { client, email } = await signedUpClient();
    expectExit(await serverCli(["disable", email]), 0);
    expect(await currentUser(client)).toBeNull();
    const refused = await signIn(new Client(), email);
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.code).toBe("invalid_credentials");
    expectExit(await serverCli(["enable", email]), 0);
    expect((await signIn(new Client(), email)).status).toBe(200);
  });

  it("sign-out ends every session of the user; reset-password too, and only the new password signs in", async () => {
    const { client, email } = await signedUpClient();
    const other = new Client();
    expect((await signIn(other, email)).status).toBe(200);
    expectExit(await serverCli(["sign-out", email]), 0);
    expect(await currentUser(client)).toBeNull();
    expect(await currentUser(other)).toBeNull();
    const again = new Client();
    expect((await signIn(again, email)).status).toBe(200);
    const next = "harbor cactus marble violin meadow";
    expectExit(await serverCli(["reset-password", email], `${next}\n`), 0);
    expect(await currentUser(again)).toBeNull();
    expect((await signIn(new Client(), email)).status).toBe(401);
    const fresh = new Client();
    expect((await fresh.json("POST", "/api/sessions", { email, password: next })).status).toBe(200);
  });
});
