import type { StatusResult } from "./session-api";
import type { LogoutReason, SessionMessage } from "./session-channel";

/** What the server said when asked: a session, none (with its reason), or nothing usable (null). */
export type Answer = StatusResult | null;

/** Everything the watcher reacts to; `now` is the page's clock when it happened. */
export type WatchEvent =
  | { type: "tick"; now: number }
  | { type: "status"; answer: Answer; now: number }
  | { type: "refresh"; answer: Answer; now: number }
  | { type: "message"; message: SessionMessage; now: number }
  | { type: "activity"; now: number }
  | { type: "visible"; now: number }
  | { type: "stay"; now: number }
  | { type: "sign-out" }
  | { type: "signed-out"; ok: boolean };

/** What the hook must do for the machine; the machine itself never touches the browser. */
export type Effect =
  | { type: "read-status" }
  | { type: "refresh" }
  | { type: "sign-out" }
  | { type: "announce"; message: SessionMessage }
  | { type: "end-and-leave"; reason: LogoutReason }
  | { type: "leave"; reason: LogoutReason; returnHere: boolean };
