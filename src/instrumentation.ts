/** Runs once when a server starts: refuse to serve with a bad configuration, and say why in one line. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installPeerAddressHeader } = await import("./lib/http/peer-address");
  installPeerAddressHeader();
  const { checkStartup } = await import("./lib/config/startup");
  await checkStartup();
}
