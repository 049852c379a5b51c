import { describe, expect, inject, it } from "vitest";
import { expectError } from "../integration/helpers";
import { paddedJson, streamOf } from "../support/bodies";
import { Client, STRONG_PASSWORD, signedUpClient, uniqueEmail } from "../support/http-client";
import { firstResponse, openWire, waitFor } from "../support/raw-wire";
import { expectNo5xx, rawExchange, statusCodes } from "./support";

/**
 * R57: auth endpoints read at most 16 KiB of body, however the size is announced: with Content-Length,
 * without it (chunked), or with a Content-Length that lies. Never a 5xx.
 */
const baseUrl = inject("baseUrl");
const LIMIT = 16 * 1024;
/** The endpoints that read a body; the password change only once signed in (it answers 401 before reading). */
const ENDPOINTS: Array<[string, boolean]> = [
  ["/api/users", false],
  ["/api/sessions", false],
  ["/api/account/password", true],
];

async function clientFor(signedIn: boolean): Promise<Client> {
  return signedIn ? (await signedUpClient()).client : new Client();
}

/** A valid JSON object of `size` bytes: a complete sign-up whose `name` pads it out. */
function signUpJson(email: string, size: number): string {
  return paddedJson({ email, password: STRONG_PASSWORD }, "name", size);
}

const stream = (text: string): ReadableStream<Uint8Array> => streamOf(text, 4096);

async function emailIsFree(email: string): Promise<boolean> {
  const response = await new Client().json("POST", "/api/users", { email, password: STRONG_PASSWORD });
  expectNo5xx(response);
  return response.status === 201;
}

describe.each(ENDPOINTS)("R57: POST %s over 16 KiB", (path, signedIn) => {
  it("with Content-Length: 413 payload_too_large", async () => {
    const response = await (await clientFor(signedIn)).request(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: signUpJson(uniqueEmail("big"), LIMIT + 1),
    });
    await expectError(response, 413, "payload_too_large");
  });

  it("without Content-Length (a stream, chunked): 413 payload_too_large", async () => {
    const init: RequestInit & { duplex: "half" } = {
      method: "POST",
      headers: { "content-type": "application/json", connection: "close" },
      body: stream(signUpJson(uniqueEmail("big"), LIMIT * 4)),
      duplex: "half",
    };
    await expectError(await (await clientFor(signedIn)).request(path, init), 413, "payload_too_large");
  });
});

describe("a body over the limit is never acted on", () => {
  it("a 20 KiB sign-up sent chunked creates no account", async () => {
    const email = uniqueEmail("chunked");
    const init: RequestInit & { duplex: "half" } = {
      method: "POST",
      headers: { "content-type": "application/json", connection: "close" },
      body: stream(signUpJson(email, 20 * 1024)),
      duplex: "half",
    };
    await expectError(await new Client().request("/api/users", init), 413, "payload_too_large");
    expect(await emailIsFree(email)).toBe(true);
  });

  it("a body just under the limit is read (the limit is not lower than documented)", async () => {
    const response = await new Client().request("/api/users", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: signUpJson(uniqueEmail("just-under"), LIMIT - 200),
    });
    expect(response.status).not.toBe(413);
    expectNo5xx(response);
  });
});

describe("a Content-Length that lies (raw socket)", () => {
  it("claims 64 bytes, sends a complete 20 KiB sign-up: only the declared bytes are read, no 5xx, no account", async () => {
    const email = uniqueEmail("lying-length");
    const body = signUpJson(email, 20 * 1024);
    const head = [
      "POST /api/users HTTP/1.1",
      `Host: ${new URL(baseUrl).host}`,
      "Content-Type: application/json",
      "Content-Length: 64",
    ].join("\r\n");
    const raw = await rawExchange(baseUrl, `${head}\r\n\r\n${body}`);
    const codes = statusCodes(raw);
    expect(codes.length, raw.slice(0, 500)).toBeGreaterThan(0);
    for (const code of codes) expect(code, raw.slice(0, 500)).toBeLessThan(500);
    expect([400, 413]).toContain(codes[0]);
    expect(await emailIsFree(email)).toBe(true);
  });

  it("claims 100 bytes and keeps sending 64 KiB: no 5xx, and the server still answers afterwards", async () => {
    const head = [
      "POST /api/sessions HTTP/1.1",
      `Host: ${new URL(baseUrl).host}`,
      "Content-Type: application/json",
      "Content-Length: 100",
    ].join("\r\n");
    const raw = await rawExchange(baseUrl, `${head}\r\n\r\n${signUpJson("a@example.com", 64 * 1024)}`);
    for (const code of statusCodes(raw)) expect(code, raw.slice(0, 500)).toBeLessThan(500);
    expect((await new Client().request("/api/health")).status).toBe(200);
  });

  it("Content-Length together with Transfer-Encoding: chunked (smuggling shape) is refused, never 5xx", async () => {
    const email = uniqueEmail("smuggle");
    const body = signUpJson(email, 20 * 1024);
    const head = [
      "POST /api/users HTTP/1.1",
      `Host: ${new URL(baseUrl).host}`,
      "Content-Type: application/json",
      "Content-Length: 10",
      "Transfer-Encoding: chunked",
    ].join("\r\n");
    const raw = await rawExchange(baseUrl, `${head}\r\n\r\n${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`);
    const codes = statusCodes(raw);
    for (const code of codes) expect(code, raw.slice(0, 500)).toBeLessThan(500);
    expect(codes[0] ?? 400, raw.slice(0, 500)).toBeGreaterThanOrEqual(400);
    expect(await emailIsFree(email)).toBe(true);
  });
});

describe("bodies that never arrive (raw socket)", () => {
  const host = new URL(baseUrl).host;

  it.each([
    ["/api/sessions", true],
    ["/api/users", true],
    ["/login", false],
  ])("a declared Content-Length of 99999999 on %s is 413 at once, before any body byte is sent", async (path, api) => {
    const wire = await openWire(baseUrl);
    try {
      const head = [
        `POST ${path} HTTP/1.1`,
        `Host: ${host}`,
        "Content-Type: application/json",
        "Content-Length: 99999999",
      ];
      wire.socket.write(`${head.join("\r\n")}\r\n\r\n`);
      await waitFor(() => wire.received().includes("\r\n\r\n") || wire.closed(), 10_000);
      const response = firstResponse(wire.received());
      expect(response?.status, wire.received().slice(0, 300)).toBe(413);
      expect(response?.headers.get("connection")).toBe("close");
      if (api) expect(JSON.parse(response?.body ?? "")).toMatchObject({ error: { code: "payload_too_large" } });
    } finally {
      wire.socket.destroy();
    }
  });

  it("a body that stops half-way is answered 408 and closed within seconds, not held for minutes", {
    timeout: 45_000,
  }, async () => {
    const wire = await openWire(baseUrl);
    try {
      const head = [
        `POST /api/sessions HTTP/1.1`,
        `Host: ${host}`,
        "Content-Type: application/json",
        "Content-Length: 1000",
      ];
      wire.socket.write(`${head.join("\r\n")}\r\n\r\n{"email":"slow@example.com",`);
      const started = Date.now();
      await waitFor(wire.closed, 30_000);
      expect(wire.closed(), "the connection was still open after 30 s").toBe(true);
      expect(Date.now() - started).toBeLessThan(30_000);
      const response = firstResponse(wire.received());
      expect(response?.status).toBe(408);
      expect(JSON.parse(response?.body ?? "")).toMatchObject({ error: { code: "request_timeout" } });
    } finally {
      wire.socket.destroy();
    }
  });

  it("a chunked body that stops half-way is closed within seconds too", { timeout: 45_000 }, async () => {
    const wire = await openWire(baseUrl);
    try {
      const head = [
        `POST /api/users HTTP/1.1`,
        `Host: ${host}`,
        "Content-Type: application/json",
        "Transfer-Encoding: chunked",
      ];
      const piece = '{"email":"slow@';
      wire.socket.write(`${head.join("\r\n")}\r\n\r\n${piece.length.toString(16)}\r\n${piece}\r\n`);
      await waitFor(wire.closed, 30_000);
      expect(wire.closed(), "the connection was still open after 30 s").toBe(true);
      expect(statusCodes(wire.received()).every((code) => code < 500)).toBe(true);
    } finally {
      wire.socket.destroy();
    }
  });
});
