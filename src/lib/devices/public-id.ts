import { createHash } from "node:crypto";

/** The shape of a public device id: 22 base64url characters (132 bits of a SHA-256). */
const PUBLIC_ID = /^[A-Za-z0-9_-]{22}$/;

/**
 * The id the device list shows for a session. Not the `sid`: that is inside the seal and is what a revocation
 * is keyed by, so it stays on the server (it would show up in HTML, URLs and logs). A one-way hash of it is
 * stable, unguessable (the sid has 144 random bits) and tells nothing about the seal (README, "Devices").
 */
export function publicSessionId(sid: string): string {
  return createHash("sha256").update(`iron-gate device ${sid}`).digest("base64url").slice(0, 22);
}

export function isPublicSessionId(value: string): boolean {
  return PUBLIC_ID.test(value);
}
