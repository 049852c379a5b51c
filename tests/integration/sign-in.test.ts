import { describe, expect, it } from "vitest";
import { Client, STRONG_PASSWORD, signedUpClient } from "../support/http-client";
import { COOKIE_NAME, currentUser, expectError, expectJson, type PublicUserBody, sessionSetCookie } from "./helpers";

interface SignInBody {
  ok: true;
  user: PublicUserBody;
  redirectTo: string;
}

function signIn(client: Client, body: Record<string, unknown>): Promise<Response> {
  return client.json("POST", "/api/sessions", body);
}

describe("POST /api/sessions", () => {
  it("signs in with the right password: 200 {ok, user, redirectTo} and a session cookie", async () => {
    const { email } = await signedUpClient({ name: "Grace" });
    const client = new Client();
    const response = await signIn(client, { email, password: STRONG_PASSWORD });
    expect(sessionSetCookie(response)?.value).toBeTruthy();
    const body = await expectJson<SignInBody>(response);
    expect(body.ok).toBe(true);
    expect(body.redirectTo).toBe("/private");
    expect(Object.keys(body.user).sort()).toEqual(["email", "id", "isAdmin", "name"]);
    expect(body.user).toMatchObject({ email, name: "Grace", isAdmin: false });
    expect(await currentUser(client)).toEqual(body.user);
  });

  it("issues a new seal on every sign-in", async () => {
    const { client, email } = await signedUpClient();
    const seals = [client.cookies.get(COOKIE_NAME)];
    for (let i = 0; i < 2; i += 1) {
      const response = await signIn(client, { email, password: STRONG_PASSWORD });
      expect(response.status).toBe(200);
      const seal = sessionSetCookie(response)?.value;
      expect(seal).toBeTruthy();
      seals.push(seal);
    }
    expect(new Set(seals).size).toBe(3);
    expect((await currentUser(client))?.email).toBe(email);
  });

  it("treats the email case- and whitespace-insensitively", async () => {
    const { email } = await signedUpClient();
    const client = new Client();
    const response = await signIn(client, { email: `  ${email.toUpperCase()}\t`, password: STRONG_PASSWORD });
    expect((await expectJson<SignInBody>(response)).user.email).toBe(email);
    expect((await currentUser(client))?.email).toBe(email);
  });

  it("answers 401 invalid_credentials identically for an unknown email and a wrong password", async () => {
    const { email } = await signedUpClient();
    const wrongPassword = await signIn(new Client(), { email, password: `${STRONG_PASSWORD} nope` });
    const unknownEmail = await signIn(new Client(), { email: `nobody-${email}`, password: STRONG_PASSWORD });
    const headerNames = (response: Response): string[] => [...response.headers.keys()].sort();
    expect(headerNames(wrongPassword)).toEqual(headerNames(unknownEmail));
    expect(sessionSetCookie(wrongPassword)).toBeUndefined();
    expect(sessionSetCookie(unknownEmail)).toBeUndefined();
    const [wrongBytes, unknownBytes] = [
      Buffer.from(await wrongPassword.clone().arrayBuffer()),
      Buffer.from(await unknownEmail.clone().arrayBuffer()),
    ];
    expect(wrongBytes.equals(unknownBytes)).toBe(true);
    await expectError(wrongPassword, 401, "invalid_credentials");
    await expectError(unknownEmail, 401, "invalid_credentials");
  });

  it("does not sign in with the password in another case or with extra spaces", async () => {
    const { email } = await signedUpClient();
    for (const password of [STRONG_PASSWORD.toUpperCase(), ` ${STRONG_PASSWORD} `]) {
      const client = new Client();
      await expectError(await signIn(client, { email, password }), 401, "invalid_credentials");
      expect(await currentUser(client)).toBeNull();
    }
  });

  it("switches user when another account signs in on the same client", async () => {
    const { client } = await signedUpClient();
    const { email: other } = await signedUpClient();
    const body = await expectJson<SignInBody>(await signIn(client, { email: other, password: STRONG_PASSWORD }));
    expect(body.user.email).toBe(other);
    expect((await currentUser(client))?.email).toBe(other);
  });
});
