/** JSON endpoints never need more than this (R57). */
export const MAX_API_BODY_BYTES = 16 * 1024;

/**
 * The forms (server actions) are a few KiB at most; this also caps what Next.js buffers of any request
 * body for the proxy (`proxyClientMaxBodySize`, 10 MB by default), so it is above the API limit: an API
 * body cut off here is still over 16 KiB, and refused as such, never parsed truncated.
 */
export const MAX_FORM_BODY_BYTES = 64 * 1024;

/** How long a request's body may take to arrive once its headers have: ample for 64 KiB. */
export const BODY_DEADLINE_MS = 10_000;

/** The methods Next.js routes; anything else (TRACE, TRACK, WebDAV verbs) is refused before it. */
export const ROUTED_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"] as const;
