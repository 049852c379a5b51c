import { describe, expect, inject, it } from "vitest";
import { paddedJson, streamOf } from "../support/bodies";
import { Client, STRONG_PASSWORD } from "../support/http-client";
import { expectError } from "./helpers";

const ENDPOINTS: string[] = ["/api/users", "/api/sessions"];
const LIMIT = 16 * 1024;

/** A syntactically valid JSON object of exactly `size` bytes. */
function jsonOfSize(size: number): string {
  return paddedJson({ email: "big@example.com", password: STRONG_PASSWORD }, "pad", size);
}

describe.each(ENDPOINTS)("POST %s body limits and media types", (path) => {
  it("answers 413 payload_too_large for a body over 16 KiB with Content-Length", async () => {
    const body = jsonOfSize(LIMIT + 1);
    const response = await new Client().request(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    await expectError(response, 413, "payload_too_large");
  });

  it("answers 413 payload_too_large for a chunked body over 16 KiB (no Content-Length)", async () => {
    const init: RequestInit & { duplex: "half" } = {
      method: "POST",
      // Its own connection: a refused chunked body can leave a keep-alive connection unusable, which
      // request-limits-connection.test.ts checks; it must not leak into the other tests here.
      headers: { "content-type": "application/json", connection: "close" },
      body: streamOf(jsonOfSize(LIMIT * 4)),
      duplex: "half",
    };
    const response = await new Client().request(path, init);
    await expectError(response, 413, "payload_too_large");
  });

  it("answers 413 for a 1 MiB body", async () => {
    const response = await new Client().request(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: jsonOfSize(1024 * 1024),
    });
    await expectError(response, 413, "payload_too_large");
  });

  it("reads a body just under the limit (not 413)", async () => {
    const response = await new Client().request(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: jsonOfSize(LIMIT - 100),
    });
    expect(response.status).not.toBe(413);
    expect(response.status).toBeLessThan(500);
  });

  const mediaTypes: Array<[string, () => RequestInit]> = [
    ["text/plain", () => ({ headers: { "content-type": "text/plain" }, body: '{"email":"a@example.com"}' })],
    ["form-urlencoded", () => ({ body: new URLSearchParams({ email: "a@example.com", password: STRONG_PASSWORD }) })],
    [
      "multipart/form-data",
      () => {
        const form = new FormData();
        form.set("email", "a@example.com");
        form.set("password", STRONG_PASSWORD);
        return { body: form };
      },
    ],
  ];
  for (const [label, init] of mediaTypes) {
    it(`answers 415 unsupported_media_type for ${label}`, async () => {
      const response = await new Client().request(path, { method: "POST", ...init() });
      await expectError(response, 415, "unsupported_media_type");
    });
  }
});

describe("unknown API paths", () => {
  it.each(["GET", "POST", "PUT", "PATCH", "DELETE"])(
    "%s /api/nope is a JSON 404, never the HTML page",
    async (method) => {
      const response = await fetch(new URL("/api/nope/deeper", inject("baseUrl")), { method });
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toContain("application/json");
      expect(await response.json()).toEqual({ error: { code: "not_found", message: expect.any(String) } });
    },
  );
});
