import { exitOnOldNode } from "./lib/config/node-version";

/** Runs once when a server starts: refuse to serve with a bad configuration, and say why in one line. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before any dynamic import below: they reach `node:sqlite`, which an old Node does not have.
  exitOnOldNode();
  const { installDefaultSecurityHeaders } = await import("./lib/http/default-headers");
  installDefaultSecurityHeaders(process.env.NODE_ENV === "production");
  // Installed last, so it runs first: refusals (unrouted methods, oversized or stalled bodies) before Next.
  (await import("./lib/http/request-gate")).installRequestGate();
  const { checkStartup } = await import("./lib/config/startup");
  await checkStartup();
  // Mail goes out in the background (issue 12): never during a request.
  (await import("./lib/mail/background-mail")).startBackgroundMail();
}
