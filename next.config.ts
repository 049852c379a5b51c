import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";
import { ensureDevSecret } from "./src/lib/config/dev-secret";
import { MAX_FORM_BODY_BYTES } from "./src/lib/http/request-limits";
import { staticSecurityHeaders } from "./src/lib/http/security-headers";

export default function config(phase: string): NextConfig {
  if (phase === PHASE_DEVELOPMENT_SERVER) ensureDevSecret();
  return {
    poweredByHeader: false,
    reactStrictMode: true,
    // Types are checked once, by `npm run typecheck` (CI runs it before the tests), over app and tests alike.
    typescript: { ignoreBuildErrors: true },
    // What Next.js buffers of a request body for the proxy (10 MB by default): see request-limits.ts.
    experimental: { proxyClientMaxBodySize: MAX_FORM_BODY_BYTES },
    async headers() {
      return [{ source: "/:path*", headers: staticSecurityHeaders(process.env.NODE_ENV === "production") }];
    },
  };
}
