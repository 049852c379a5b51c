import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";
import { ensureDevSecret } from "./src/lib/config/dev-secret";
import { exitOnOldNode } from "./src/lib/config/node-version";
import { MAX_FORM_BODY_BYTES } from "./src/lib/http/request-limits";
import { API_CONTENT_SECURITY_POLICY, staticSecurityHeaders, UNPROXIED_SOURCE } from "./src/lib/http/security-headers";

// `next start` loads this file before it prepares the server, so an old Node stops here, before "Ready".
exitOnOldNode();

export default function config(phase: string): NextConfig {
  if (phase === PHASE_DEVELOPMENT_SERVER) ensureDevSecret();
  return {
    poweredByHeader: false,
    // `next dev` serves its own assets and HMR only to `localhost` unless told: the other loopback names too.
    allowedDevOrigins: ["127.0.0.1", "[::1]"],
    reactStrictMode: true,
    // The proxy redirects `/path/` to `/path` itself, with the security headers Next.js's redirect drops.
    skipTrailingSlashRedirect: true,
    // Types are checked once, by `npm run typecheck` (CI runs it before the tests), over app and tests alike.
    typescript: { ignoreBuildErrors: true },
    // What Next.js buffers of a request body for the proxy (10 MB by default): see request-limits.ts.
    // `authInterrupts`: `forbidden()` and app/forbidden.tsx, the admin area's 403 page (issue 11).
    experimental: { proxyClientMaxBodySize: MAX_FORM_BODY_BYTES, authInterrupts: true },
    async headers() {
      return [
        { source: "/:path*", headers: staticSecurityHeaders(process.env.NODE_ENV === "production") },
        // The reset page (its token is in a cookie, not its URL) never sends a Referer to another site. Not
        // `no-referrer`: a form posted from such a page says `Origin: null`, which the CSRF checks refuse.
        { source: "/reset-password", headers: [{ key: "Referrer-Policy", value: "same-origin" }] },
        // The email links (issue 12 §2, §4) carry their token in the URL, and the page they land on has no form.
        { source: "/verify-email", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
        { source: "/confirm-email", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
        { source: "/email-link", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
        {
          source: UNPROXIED_SOURCE,
          headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }],
        },
      ];
    },
  };
}
