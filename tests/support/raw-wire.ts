import { connect, type Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

/** A raw TCP connection to the server: for what fetch will not send, or to see which connection answers. */
export interface Wire {
  socket: Socket;
  received: () => string;
  closed: () => boolean;
}

export async function openWire(baseUrl: string): Promise<Wire> {
  const { hostname, port } = new URL(baseUrl);
  const socket = connect(Number(port), hostname === "localhost" ? "127.0.0.1" : hostname);
  let text = "";
  let closed = false;
  socket.on("data", (chunk: Buffer) => {
    text += chunk.toString("latin1");
  });
  socket.on("error", () => {
    closed = true;
  });
  socket.on("close", () => {
    closed = true;
  });
  await new Promise((done) => socket.once("connect", done));
  return { socket, received: () => text, closed: () => closed };
}

export async function waitFor(condition: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await sleep(20);
}

/**
 * Writes `bytes` on a new connection and collects everything the server answers until it closes the
 * connection or `waitMs` has passed.
 */
export async function rawExchange(baseUrl: string, bytes: string, waitMs = 3000): Promise<string> {
  const wire = await openWire(baseUrl);
  try {
    wire.socket.write(bytes);
    await waitFor(wire.closed, waitMs);
    return wire.received();
  } finally {
    wire.socket.destroy();
  }
}

/** The first HTTP/1.1 response in a raw exchange: status, lower-cased headers and body (as received). */
export interface RawResponse {
  status: number;
  headers: Map<string, string>;
  body: string;
}

export function firstResponse(raw: string): RawResponse | null {
  const match = /^HTTP\/1\.1 (\d{3})[^\r\n]*\r\n([\s\S]*?)\r\n\r\n([\s\S]*)$/.exec(raw);
  if (!match) return null;
  const headers = new Map<string, string>();
  for (const line of (match[2] ?? "").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const length = Number(headers.get("content-length") ?? Number.NaN);
  const rest = match[3] ?? "";
  return { status: Number(match[1]), headers, body: Number.isNaN(length) ? rest : rest.slice(0, length) };
}
