import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";
import { openWire, type Wire } from "../support/raw-wire";

/**
 * Incomplete uploads must not cost the server memory: before, Next.js buffered up to 10 MB of each
 * request body for the proxy, and 40 incomplete 9 MiB uploads added about 158 MiB. A server of its own,
 * so that no other test's traffic moves its memory.
 */
const UPLOADS = 40;
const UPLOAD_BYTES = 9 * 1024 * 1024;
const CHUNK = "x".repeat(256 * 1024);
const GROWTH_BOUND_MIB = 64;

let server: AppServer;

beforeAll(async () => {
  server = await startAppServer("body-memory");
});

afterAll(async () => {
  await server?.stop();
});

function rssMiB(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  expect(match, "no VmRSS in /proc/<pid>/status").not.toBeNull();
  return Number(match?.[1]) / 1024;
}

/** Sends all but the last KiB of a 9 MiB body (declared or chunked), then holds the connection open. */
async function incompleteUpload(wire: Wire, path: string, chunked: boolean): Promise<void> {
  const framing = chunked ? "Transfer-Encoding: chunked" : `Content-Length: ${UPLOAD_BYTES}`;
  wire.socket.write(`POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n${framing}\r\n\r\n`);
  for (let sent = 0; sent < UPLOAD_BYTES - 1024 && !wire.closed(); sent += CHUNK.length) {
    const piece = chunked ? `${CHUNK.length.toString(16)}\r\n${CHUNK}\r\n` : CHUNK;
    if (!wire.socket.write(piece)) {
      await Promise.race([new Promise((done) => wire.socket.once("drain", done)), sleep(2000)]);
    }
  }
}

describe("incomplete large uploads", () => {
  it(`${UPLOADS} incomplete 9 MiB uploads grow the server's memory by less than ${GROWTH_BOUND_MIB} MiB`, {
    timeout: 120_000,
  }, async () => {
    for (let i = 0; i < 5; i += 1) await fetch(`${server.baseUrl}/api/health`);
    const before = rssMiB(server.pid);
    const wires: Wire[] = [];
    try {
      for (let i = 0; i < UPLOADS; i += 1) {
        const wire = await openWire(server.baseUrl);
        wires.push(wire);
        const path = i % 2 === 0 ? "/api/sessions" : "/login";
        await incompleteUpload(wire, path, i % 4 < 2);
      }
      await sleep(1000);
      const growth = rssMiB(server.pid) - before;
      expect(growth, `RSS grew by ${growth.toFixed(1)} MiB`).toBeLessThan(GROWTH_BOUND_MIB);
    } finally {
      for (const wire of wires) wire.socket.destroy();
    }
    expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);
  });
});
