export const DEFAULT_AFTER_SIGN_IN = "/private";

const BASE = "http://iron-gate.invalid";

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** A path a browser could read as another host: `//host`, or `/./host`-style segments that resolve to it. */
function leavesOrigin(path: string): boolean {
  return path.startsWith("//") || /^\/\.{1,2}\//.test(path) || /[\\\p{Cc}]/u.test(path);
}

/**
 * The one place that decides a post-sign-in destination (R52): a same-site relative path such as
 * `/private?tab=1`, else `fallback`. Rejects `//host`, `/\host`, backslashes, schemes, control
 * characters and whitespace, and anything whose decoded or dot-resolved form would leave this origin.
 * Idempotent: its answer passes through it unchanged.
 */
export function safeRedirect(next: unknown, fallback = DEFAULT_AFTER_SIGN_IN): string {
  if (typeof next !== "string" || next.length === 0 || next.length > 2048) return fallback;
  if (!next.startsWith("/") || /[\\\s\p{Cc}]/u.test(next)) return fallback;
  const decoded = decode(next);
  if (decoded === null || leavesOrigin(next) || leavesOrigin(decoded)) return fallback;
  const url = new URL(next, BASE);
  // The parser resolves `.` and `..`: `/a/..//evil` comes out as `//evil`. Check what it made, too.
  const resolved = decode(url.pathname);
  if (url.origin !== BASE || resolved === null || leavesOrigin(url.pathname) || leavesOrigin(resolved)) {
    return fallback;
  }
  return `${url.pathname}${url.search}${url.hash}`;
}
