export const DEFAULT_AFTER_SIGN_IN = "/private";

/**
 * The one place that decides a post-sign-in destination (R52): a same-site relative path such as
 * `/private?tab=1`, else `fallback`. Rejects `//host`, `/\host`, backslashes, schemes, control
 * characters and whitespace, and anything whose decoded form would leave this origin.
 */
export function safeRedirect(next: unknown, fallback = DEFAULT_AFTER_SIGN_IN): string {
  if (typeof next !== "string" || next.length === 0 || next.length > 2048) return fallback;
  if (!next.startsWith("/") || next.startsWith("//")) return fallback;
  if (/[\\\s\p{Cc}]/u.test(next)) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(next);
  } catch {
    return fallback;
  }
  if (decoded.startsWith("//") || /[\\\p{Cc}]/u.test(decoded)) return fallback;
  const base = "http://iron-gate.invalid";
  const url = new URL(next, base);
  if (url.origin !== base) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
