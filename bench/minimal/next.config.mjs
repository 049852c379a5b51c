import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The bench's floor: the same Next.js as the app, from the root node_modules, and nothing else. With the
 * shared root, Turbopack also compiles the app's `src/proxy.ts` into `.next/server/middleware.js`, but the
 * manifests register no middleware, and the server runs none (no request id, no CSP on its answers).
 */
export default {
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: true },
  turbopack: { root },
  outputFileTracingRoot: root,
};
