/** A fresh, unguessable nonce for one response's scripts. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
}

/**
 * The Content-Security-Policy of every page (R7 of the hardening issue): scripts only with this response's
 * nonce ('strict-dynamic' lets them load their own chunks), no plugins, no `<base>`, no framing, forms
 * only to this site. Development adds 'unsafe-eval' and inline styles, which React's and Next.js's dev
 * tooling need (a nonce would make browsers ignore 'unsafe-inline', so development has none for styles).
 */
export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** JSON answers load nothing and are never framed: one fixed policy, the same on every response. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * What the proxy's matcher skips (build assets, icons), and so gets no per-response CSP: the fixed API
 * policy instead, on their 404s too. The same prefixes as the matcher in `src/proxy.ts` (which must stay a
 * literal there); a path matched by both would carry two policies.
 */
export const UNPROXIED_SOURCE = "/(_next/static|_next/image|icon\\.svg|favicon\\.ico)(.*)";

/** Headers for every response, set in next.config.ts; HSTS only in production (R9). */
export function staticSecurityHeaders(production: boolean): { key: string; value: string }[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    {
      key: "Permissions-Policy",
      value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    },
    ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] : []),
  ];
}
