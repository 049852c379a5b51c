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
