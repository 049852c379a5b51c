import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { NextApiHandler } from "next";
import { apiResolver } from "next/dist/server/api-utils/node/api-resolver";
import { afterEach, describe, expect, it } from "vitest";
import { DatabaseUnavailableError } from "@/lib/db/errors";
import { withSessionRoute } from "./pages-router";

/**
 * `withSessionRoute` behind Next.js's own Pages Router API resolver (the code `next start` runs for
 * src/pages/api/**), on a real node:http server: what a client gets when a handler throws.
 */
let server: Server | null = null;

afterEach(async () => {
  await new Promise((done) => server?.close(done));
  server = null;
});

async function serve(handler: NextApiHandler): Promise<string> {
  const context = { previewModeId: "x", previewModeEncryptionKey: "x", previewModeSigningKey: "x", dev: false };
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void apiResolver(req, res, {}, { default: handler }, context, false, false, "/api/test");
  });
  await new Promise<void>((done) => server?.listen(0, "127.0.0.1", done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/test`;
}

describe("withSessionRoute failures", () => {
  it("a handler that throws is a 500 internal_error JSON with no details", async () => {
    const url = await serve(
      withSessionRoute(() => {
        throw new Error("secret detail at /srv/app/pages/api/x.ts:12");
      }),
    );
    const response = await fetch(url);
    expect(response.status).toBe(500);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: { code: "internal_error", message: expect.any(String) } });
    expect(text).not.toMatch(/secret detail|\.ts:|at /);
  });

  it("an unavailable database is a 503 service_unavailable with Retry-After", async () => {
    const url = await serve(
      withSessionRoute(() => {
        throw new DatabaseUnavailableError("locked");
      }),
    );
    const response = await fetch(url);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toEqual({ error: { code: "service_unavailable", message: expect.any(String) } });
  });

  it("a handler that throws after it began answering ends the answer instead of hanging", async () => {
    const url = await serve(
      withSessionRoute((_req, res) => {
        res.writeHead(200, { "content-type": "text/plain" });
        res.write("partial");
        throw new Error("late");
      }),
    );
    const response = await fetch(url);
    expect(await response.text()).toBe("partial");
  });
});
