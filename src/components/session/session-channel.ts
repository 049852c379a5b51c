/** What tabs of one browser tell each other about the shared session cookie. */
export type SessionMessage =
  | { type: "refreshed"; idleExpiresAt: number; absoluteExpiresAt: number; serverNow: number }
  | { type: "signed-out" }
  | { type: "expired"; reason: LogoutReason };

/** Why the login page is shown; each has a fixed message there (never reflected input). */
export type LogoutReason =
  | "expired"
  | "ended"
  | "signed-out"
  | "signed-out-everywhere"
  | "revoked"
  | "removed"
  | "signed-out-elsewhere";

const CHANNEL = "iron-gate-session";
/** A channel delivers to every other channel object of that name, this page's own listener included. */
const THIS_TAB = typeof crypto === "undefined" ? "server" : crypto.randomUUID();

type Envelope = { from: string; message: SessionMessage };

/** Posts one message to the other tabs (a no-op where BroadcastChannel is missing). */
export function announce(message: SessionMessage): void {
  if (typeof BroadcastChannel === "undefined") return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ from: THIS_TAB, message } satisfies Envelope);
  channel.close();
}

/** Listens to the other tabs (never to this one); returns the unsubscribe function. */
export function listen(onMessage: (message: SessionMessage) => void): () => void {
  if (typeof BroadcastChannel === "undefined") return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<Envelope>) => {
    if (event.data.from !== THIS_TAB) onMessage(event.data.message);
  };
  return () => channel.close();
}

/** Leaves the page for the login page without a history entry, so Back cannot show protected content. */
export function goToLogin(reason: LogoutReason, returnTo?: string): void {
  const query = new URLSearchParams({ reason });
  if (returnTo) query.set("next", returnTo);
  window.location.replace(`/login?${query}`);
}

export function currentPath(): string {
  return `${window.location.pathname}${window.location.search}`;
}
