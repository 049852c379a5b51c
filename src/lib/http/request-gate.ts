import type { IncomingMessage, ServerResponse } from "node:http";
import { Server } from "node:http";
import type { Socket } from "node:net";
import { log } from "@/lib/log/logger";
import { earlyAnswer } from "./early-answer";
import { BODY_TIMEOUT, type EarlyRefusal, earlyRefusal, isApiPath, unroutedMethod } from "./early-refusal";
import { stampPeerAddress } from "./peer-address";
import { BODY_DEADLINE_MS } from "./request-limits";

function pathOf(request: IncomingMessage): string {
  const url = request.url ?? "/";
  return URL.canParse(url, "http://x") ? new URL(url, "http://x").pathname : "/";
}

/** How long a refused connection stays open to read (and drop) what the client is still sending. */
const LINGER_MS = 2000;

/**
 * Writes the refusal and closes the connection; whatever Next.js writes to it later goes nowhere. Closing
 * while the client is still sending would reset the connection and lose the answer on its way, so the
 * socket first only stops writing, and is destroyed a moment later.
 */
function refuse(socket: Socket, refusal: EarlyRefusal, method: string, path: string, linger = true): void {
  log.warn("request_refused", { method, path: path.slice(0, 200), status: refusal.status });
  if (socket.destroyed) return;
  if (!linger) {
    socket.end(earlyAnswer(refusal, isApiPath(path)), () => socket.destroy());
    return;
  }
  socket.end(earlyAnswer(refusal, isApiPath(path)));
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once("close", () => clearTimeout(timer));
}

/** The answer each connection is still writing, for requests that clients pipeline behind it. */
const answering = new WeakMap<Socket, ServerResponse>();

/** Refuses once the connection has finished answering the requests before this one, never in between. */
function refuseInTurn(socket: Socket, refusal: EarlyRefusal, method: string, path: string): void {
  const earlier = answering.get(socket);
  if (earlier && !earlier.writableFinished) earlier.once("close", () => refuse(socket, refusal, method, path));
  else refuse(socket, refusal, method, path);
}

/**
 * A body that stops arriving would otherwise hold its connection, and what the proxy buffered of it, for
 * Node's five-minute `requestTimeout`. Past the deadline it is a 408 (or, once an answer has started, a
 * closed connection).
 */
function watchBodyDeadline(request: IncomingMessage, response: ServerResponse, path: string): void {
  if (request.complete) return;
  const timer = setTimeout(() => {
    if (request.complete) return;
    if (response.headersSent) request.socket.destroy();
    else refuse(request.socket, BODY_TIMEOUT, request.method ?? "", path);
  }, BODY_DEADLINE_MS);
  timer.unref();
  response.once("close", () => clearTimeout(timer));
}

/** Connections that have carried a request: a parse error there may follow an answer still being written. */
const busy = new WeakSet<Socket>();

/**
 * A first request line whose method Node's parser does not know, as opposed to bytes that are not HTTP
 * at all, or garbage after an earlier request on the connection (Node's own 400 and close stand there).
 */
function isUnknownMethod(error: unknown, socket: Socket): boolean {
  const { code, rawPacket } = (error ?? {}) as { code?: string; rawPacket?: Buffer };
  const line = /^[A-Z][A-Z_-]* \S+ HTTP\/1\.[01]\r?\n/.test(rawPacket?.toString("latin1", 0, 8192) ?? "");
  return code === "HPE_INVALID_METHOD" && line && !busy.has(socket);
}

function onRequest(request: IncomingMessage, response: ServerResponse): boolean {
  busy.add(request.socket);
  stampPeerAddress(request);
  const method = request.method ?? "";
  const path = pathOf(request);
  const refusal = earlyRefusal(method, path, request.headers);
  if (refusal) {
    request.resume(); // drop the body: nothing reads this request
    refuseInTurn(request.socket, refusal, method, path);
    return false;
  }
  answering.set(request.socket, response);
  watchBodyDeadline(request, response, path);
  return true;
}

/**
 * Runs in front of Next.js on every request of this process's HTTP servers (installed from
 * instrumentation.ts, before the first request): stamps the peer address, refuses what must never reach
 * Next.js (see `earlyRefusal`), and bounds how long a body may take. A method Node's own parser does not
 * know (TRACK) arrives as a client error, and is answered 405 here too instead of a bare 400.
 */
export function installRequestGate(): void {
  const original = Server.prototype.emit;
  if ((original as { requestGate?: boolean }).requestGate) return;
  const emit = function emit(this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request" && !onRequest(args[0] as IncomingMessage, args[1] as ServerResponse)) return true;
    if (event === "clientError" && isUnknownMethod(args[0], args[1] as Socket)) {
      refuse(args[1] as Socket, unroutedMethod(false), "unknown", "", false);
      return true;
    }
    return Reflect.apply(original, this, [event, ...args]) as boolean;
  };
  Server.prototype.emit = Object.assign(emit, { requestGate: true }) as typeof original;
}
