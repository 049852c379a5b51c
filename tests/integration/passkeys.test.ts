import { describe, expect, it } from "vitest";
import { Client, signedUpClient } from "../support/http-client";
import { expectError, expectJson } from "./helpers";

// What can be checked without an authenticator; the ceremonies themselves run in Chromium (tests/e2e/passkeys.spec.ts).
const fakeAnswer = {
  id: "AAAA",
  rawId: "AAAA",
  type: "public-key",
  response: { clientDataJSON: "AAAA", authenticatorData: "AAAA", signature: "AAAA" },
  clientExtensionResults: {},
};

describe.concurrent("passkeys over HTTP (issue 13 §2)", () => {
  it("registration options need a session; they name the relying party from APP_ORIGIN", async () => {
    await expectError(await new Client().json("POST", "/api/account/passkeys/options"), 401, "unauthorized");
    const { client, email } = await signedUpClient();
    const options = await expectJson<{ rp: { id: string }; user: { name: string }; challenge: string }>(
      await client.json("POST", "/api/account/passkeys/options"),
    );
    expect(options.rp.id).toBe(new URL(client.baseUrl).hostname);
    expect(options.user.name).toBe(email);
    expect(options.challenge.length).toBeGreaterThanOrEqual(16);
  });

  it("a made-up registration is a 400; the list stays empty", async () => {
    const { client } = await signedUpClient();
    await expectJson(await client.json("POST", "/api/account/passkeys/options"));
    const response = await client.json("POST", "/api/account/passkeys", {
      name: "Fake",
      response: {
        id: "AAAA",
        rawId: "AAAA",
        type: "public-key",
        response: { clientDataJSON: "AAAA", attestationObject: "AAAA" },
        clientExtensionResults: {},
      },
    });
    await expectError(response, 400, "invalid_input");
    expect(await expectJson(await client.request("/api/account/passkeys"))).toEqual({ passkeys: [] });
  });

  it("a passkey sign-in without its challenge cookie, or with a made-up answer, is a 401", async () => {
    await expectError(
      await new Client().json("POST", "/api/sessions/passkey", { response: fakeAnswer }),
      401,
      "invalid_credentials",
    );
    const client = new Client();
    await expectJson(await client.json("POST", "/api/sessions/passkey/options"));
    await expectError(
      await client.json("POST", "/api/sessions/passkey", { response: fakeAnswer }),
      401,
      "invalid_credentials",
    );
    await expectError(
      await client.json("POST", "/api/sessions/passkey", { response: { id: 1 } }),
      400,
      "invalid_input",
    );
  });

  it("removing a passkey that is not yours is a 404", async () => {
    const { client } = await signedUpClient();
    await expectError(await client.json("DELETE", "/api/account/passkeys/someone-elses"), 404, "not_found");
    await expectError(await new Client().json("DELETE", "/api/account/passkeys/x"), 401, "unauthorized");
  });
});
