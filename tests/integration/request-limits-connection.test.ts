import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, inject, it } from "vitest";
import { openWire, waitFor } from "../support/raw-wire";

/**
 * A refused oversized body must not break the keep-alive connection it came on: either the 413 says
 * `Connection: close` (and the server closes), or the next request on that connection gets its answer.
 * Raw sockets, because fetch's connection pool hides which connection a request uses.
 */
const BODY = `{"email":"big@example.com","password":"${"x".repeat(64 * 1024)}"}`;

function statusLines(text: string): string[] {
  return text.match(/^HTTP\/1\.1 \d{3}/gm) ?? [];
}

async function oversizedThenHealth(framing: "content-length" | "chunked"): Promise<void> {
  const wire = await openWire(inject("baseUrl"));
  try {
    const head = ["POST /api/sessions HTTP/1.1", "Host: localhost", "Content-Type: application/json"];
    head.push(framing === "chunked" ? "Transfer-Encoding: chunked" : `Content-Length: ${BODY.length}`);
    wire.socket.write(`${head.join("\r\n")}\r\n\r\n`);
    for (let offset = 0; offset < BODY.length; offset += 1024) {
      const piece = BODY.slice(offset, offset + 1024);
      wire.socket.write(framing === "chunked" ? `${piece.length.toString(16)}\r\n${piece}\r\n` : piece);
    }
    if (framing === "chunked") wire.socket.write("0\r\n\r\n");
    await waitFor(() => statusLines(wire.received()).length >= 1 || wire.closed(), 5000);
    const first = wire.received();
    expect(statusLines(first)[0]).toBe("HTTP/1.1 413");
    expect(first).toContain("payload_too_large");
    if (/^connection:\s*close/im.test(first)) return; // announced: the client will not reuse it
    await sleep(200);
    if (!wire.closed()) wire.socket.write("GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n");
    await waitFor(() => statusLines(wire.received()).length >= 2 || wire.closed(), 4000);
    const lines = statusLines(wire.received());
    expect(lines[1], "the keep-alive connection did not answer the next request").toBe("HTTP/1.1 200");
  } finally {
    wire.socket.destroy();
  }
}

describe("the connection after a 413", () => {
  it("Content-Length body over 16 KiB: the keep-alive connection still serves the next request", async () => {
    await oversizedThenHealth("content-length");
  });

  it("chunked body over 16 KiB: the keep-alive connection still serves the next request (or the 413 announces Connection: close)", async () => {
    await oversizedThenHealth("chunked");
  });
});
