import type { Expiries, NoSessionReason } from "./session-api";
import type { LogoutReason, SessionMessage } from "./session-channel";
import { type Deadlines, deadlinesFrom } from "./session-deadlines";
import type { Answer, Effect, WatchEvent } from "./watch-events";

export type { Answer, Effect, WatchEvent } from "./watch-events";

/** Activity on the page (a key, a click, a touch) extends the session at most this often. */
export const ACTIVITY_EXTENDS_EVERY_MS = 60_000;

export interface WatchState {
  /** `watching` until the page leaves; `signing-out` while a sign-out waits for the server. */
  phase: "watching" | "signing-out" | "leaving";
  /** The page's clock at the last tick (null before the first). */
  now: number | null;
  deadlines: Deadlines;
  /** The server's expiries behind `deadlines`; new deadlines are taken only when these change. */
  known: { idleExpiresAt: number; absoluteExpiresAt: number };
  /** A status read is in flight: nobody asks for a second one at the same time. */
  reading: boolean;
  /** Something happened after that read was sent (a sign-out elsewhere): ask again once it answers. */
  rereadAfter: boolean;
  /** The idle deadline whose warning was already confirmed with the server. */
  confirmedWarningFor: number | null;
  lastExtendedAt: number;
  /** How long before the idle limit the countdown shows. */
  warningMs: number;
}

export interface Step {
  state: WatchState;
  effects: Effect[];
}

export function initialState(initial: Expiries, warningMs: number, now: number): WatchState {
  return {
    phase: "watching",
    now: null,
    deadlines: deadlinesFrom(initial, now),
    known: { idleExpiresAt: initial.idleExpiresAt, absoluteExpiresAt: initial.absoluteExpiresAt },
    reading: false,
    rereadAfter: false,
    confirmedWarningFor: null,
    lastExtendedAt: now,
    warningMs,
  };
}

/** Why the session is over, as the login page says it. */
function expiryReason(state: WatchState): LogoutReason {
  return state.deadlines.idle >= state.deadlines.absolute ? "ended" : "expired";
}

/**
 * The server found no session. It knows why when the cookie came (`expired`, `revoked`…); when none came
 * (`none`), the page's own deadlines decide: gone at or after the deadline it counted is an expiry, before
 * it another tab signed out.
 */
function reasonForNoSession(reason: NoSessionReason, state: WatchState, now: number): LogoutReason {
  if (reason !== "none") return reason;
  return now >= state.deadlines.idle ? expiryReason(state) : "signed-out-elsewhere";
}

function adopt(state: WatchState, expiries: Expiries, now: number): WatchState {
  const { known } = state;
  if (expiries.idleExpiresAt === known.idleExpiresAt && expiries.absoluteExpiresAt === known.absoluteExpiresAt)
    return state;
  return {
    ...state,
    known: { idleExpiresAt: expiries.idleExpiresAt, absoluteExpiresAt: expiries.absoluteExpiresAt },
    deadlines: deadlinesFrom(expiries, now),
  };
}

function leave(state: WatchState, reason: LogoutReason, extra: Effect[] = []): Step {
  return { state: { ...state, phase: "leaving" }, effects: [...extra, { type: "leave", reason, returnHere: true }] };
}

/** The deadline passed and the server was asked (or could not answer): end the session on both sides. */
function expire(state: WatchState): Step {
  return { state: { ...state, phase: "leaving" }, effects: [{ type: "end-and-leave", reason: expiryReason(state) }] };
}

function onAnswer(state: WatchState, answer: Answer, now: number, announceRefresh: boolean): Step {
  if (answer && !answer.active) {
    const reason = reasonForNoSession(answer.reason, state, now);
    const tell: Effect[] =
      reason === "expired" || reason === "ended" ? [{ type: "announce", message: { type: "expired", reason } }] : [];
    return leave(state, reason, tell);
  }
  const next = answer ? adopt(state, answer.expiries, now) : state;
  const effects: Effect[] =
    answer && announceRefresh ? [{ type: "announce", message: { type: "refreshed", ...answer.expiries } }] : [];
  // Still past the deadline after asking (or no answer): the page's count stands.
  if (now >= next.deadlines.idle) {
    const ended = expire(next);
    return { state: ended.state, effects: [...effects, ...ended.effects] };
  }
  return { state: next, effects };
}

function onTick(state: WatchState, now: number): Step {
  const ticked = { ...state, now };
  if (state.reading) return { state: ticked, effects: [] };
  const { idle } = state.deadlines;
  // Before expiring, and once before warning, ask the server: another tab may have extended the session.
  if (now >= idle) return { state: { ...ticked, reading: true }, effects: [{ type: "read-status" }] };
  if (idle - now <= state.warningMs && state.confirmedWarningFor !== idle) {
    return { state: { ...ticked, reading: true, confirmedWarningFor: idle }, effects: [{ type: "read-status" }] };
  }
  return { state: ticked, effects: [] };
}

function readStatus(state: WatchState): Step {
  // The answer on its way may predate what prompted this read: it must not be the last word.
  if (state.reading) return { state: { ...state, rereadAfter: true }, effects: [] };
  return { state: { ...state, reading: true }, effects: [{ type: "read-status" }] };
}

function refresh(state: WatchState, now: number): Step {
  return { state: { ...state, lastExtendedAt: now }, effects: [{ type: "refresh" }] };
}

/**
 * The session watcher's decisions, as a pure function of its state and one event: when to ask the server,
 * when to extend, when and why to leave.
 */
export function step(state: WatchState, event: WatchEvent): Step {
  if (state.phase === "signing-out" && event.type === "signed-out") {
    if (!event.ok) return { state: { ...state, phase: "watching" }, effects: [] };
    return {
      state: { ...state, phase: "leaving" },
      effects: [
        { type: "announce", message: { type: "signed-out" } },
        { type: "leave", reason: "signed-out", returnHere: false },
      ],
    };
  }
  if (state.phase !== "watching") return { state, effects: [] };
  switch (event.type) {
    case "tick":
      return onTick(state, event.now);
    case "status": {
      const answered = onAnswer({ ...state, reading: false, rereadAfter: false }, event.answer, event.now, false);
      if (!state.rereadAfter || answered.state.phase !== "watching") return answered;
      const again = readStatus(answered.state);
      return { state: again.state, effects: [...answered.effects, ...again.effects] };
    }
    case "refresh":
      return onAnswer(state, event.answer, event.now, true);
    case "visible":
      return readStatus(state);
    case "stay":
      return refresh(state, event.now);
    case "activity": {
      const inWarning = state.deadlines.idle - event.now <= state.warningMs;
      const due = event.now - state.lastExtendedAt >= ACTIVITY_EXTENDS_EVERY_MS;
      return !inWarning && due ? refresh(state, event.now) : { state, effects: [] };
    }
    case "sign-out":
      return { state: { ...state, phase: "signing-out" }, effects: [{ type: "sign-out" }] };
    case "message":
      return onMessage(state, event.message, event.now);
    default:
      return { state, effects: [] };
  }
}

function onMessage(state: WatchState, message: SessionMessage, now: number): Step {
  if (message.type === "refreshed") return { state: adopt(state, message, now), effects: [] };
  if (message.type === "expired") return leave(state, message.reason);
  // A sign-out elsewhere: confirm with the server first, so a stale message cannot end a newer session.
  return readStatus(state);
}
