import type { IncomingMessage } from "node:http";

/** The header that carries the TCP peer's address to the app; any value a client sends is overwritten. */
export const PEER_HEADER = "x-iron-gate-peer";

/**
 * Next.js gives route handlers no socket address, and keeps a client-sent `X-Forwarded-For` as it is, so
 * without a trusted proxy in front the client could pick its own IP for rate limiting (R41). The request
 * gate stamps the real peer address on every incoming request, before Next.js sees it.
 */
export function stampPeerAddress(request: IncomingMessage): void {
  request.headers[PEER_HEADER] = request.socket.remoteAddress ?? "";
}
