import { describe, expect, it } from "vitest";
import { Client, signedUpClient } from "../support/http-client";

describe("smoke", () => {
  it("signs up and reads the session", async () => {
    const { client, email } = await signedUpClient({ name: "Ada" });
    const response = await client.request("/api/sessions");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ user: { email, name: "Ada" } });
    expect((await new Client().request("/api/health")).status).toBe(200);
  });
});
