import { describe, expect, it } from "vitest";
import { Client, signedUpClient } from "../support/http-client";
import { pageText } from "./helpers";

const MISSING = "/no-such-page";

function title(html: string): string | undefined {
  return /<title>([^<]*)<\/title>/.exec(html)?.[1];
}

describe("the 404 page", () => {
  it("signed in: the signed-in header, and a title that says what happened", async () => {
    const { client, email } = await signedUpClient();
    const response = await client.request(MISSING);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(title(html)).toContain("Page not found");
    const text = pageText(html);
    expect(text).toContain(email);
    expect(text).toContain("Sign out");
    expect(text).not.toContain("Log in");
  });

  it("signed out: the signed-out header", async () => {
    const response = await new Client().request(MISSING);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(title(html)).toContain("Page not found");
    expect(pageText(html)).toContain("Log in");
    expect(pageText(html)).not.toContain("Sign out");
  });
});
