/**
 * Empty on purpose: without a file here, Next.js would pick up the app's own `src/instrumentation.ts`
 * (request gate, startup checks) through the shared project root.
 */
export async function register(): Promise<void> {}
