import { type IncomingMessage, Server } from "node:http";

/** The header that carries the TCP peer's address to the app; any value a client sends is overwritten. */
export const PEER_HEADER = "x-iron-gate-peer";

/**
 * Next.js gives route handlers no socket address, and keeps a client-sent `X-Forwarded-For` as it is, so
 * without a trusted proxy in front the client could pick its own IP for rate limiting (R41). This stamps
 * the real peer address on every incoming request of this process's HTTP servers, before Next.js sees it.
 */
export function installPeerAddressHeader(): void {
  const original = Server.prototype.emit;
  if ((original as { peerHeader?: boolean }).peerHeader) return;
  const emit = function emit(this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const request = args[0] as IncomingMessage;
      request.headers[PEER_HEADER] = request.socket.remoteAddress ?? "";
    }
    return Reflect.apply(original, this, [event, ...args]) as boolean;
  };
  Server.prototype.emit = Object.assign(emit, { peerHeader: true }) as typeof original;
}
