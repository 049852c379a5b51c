/** Runs once when a server starts: refuse to serve with a bad configuration, and say why in one line. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  (await import("./lib/http/request-gate")).installRequestGate();
  const { checkStartup } = await import("./lib/config/startup");
  await checkStartup();
}
