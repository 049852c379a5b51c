"use client";

import { useEffect, useRef, useState } from "react";
import {
  type Expiries,
  endExpiredSession,
  fetchStatus,
  refreshSession,
  type StatusResult,
  signOut,
} from "./session-api";
import { announce, currentPath, goToLogin, type LogoutReason, listen } from "./session-channel";
import { type Deadlines, deadlinesFrom } from "./session-deadlines";

/** Activity on the page (a key, a click, a touch) extends the session at most this often. */
export const ACTIVITY_EXTENDS_EVERY_MS = 60_000;

export interface SessionWatch {
  /** This page's clock; null until mounted. */
  now: number | null;
  deadlines: Deadlines;
  leaving: boolean;
  staySignedIn: () => Promise<void>;
  signOutNow: () => Promise<void>;
}

/**
 * Follows one session's two limits on the client. Before warning and before expiring, the page re-reads
 * the status (which never extends the session), so activity in another tab or a proxy refresh is never
 * mistaken for idleness; at expiry it ends the session on the server too, so both sides agree.
 */
export function useSessionWatch(initial: Expiries, warningMs: number): SessionWatch {
  const [now, setNow] = useState<number | null>(null);
  const [leaving, setLeaving] = useState(false);
  const [deadlines, setDeadlines] = useState<Deadlines>({
    idle: Number.POSITIVE_INFINITY,
    absolute: Number.POSITIVE_INFINITY,
  });
  const actions = useRef({ staySignedIn: async () => {}, signOutNow: async () => {} });

  useEffect(() => {
    let known = { idleExpiresAt: Number.NaN, absoluteExpiresAt: Number.NaN };
    let current = deadlinesFrom(initial, Date.now());
    let gone = false;
    let checking: Promise<void> | null = null;
    let expiring = false;
    let confirmedWarningFor = Number.NaN;
    let lastExtendedAt = Date.now();

    const adopt = (expiries: Expiries): void => {
      if (expiries.idleExpiresAt === known.idleExpiresAt && expiries.absoluteExpiresAt === known.absoluteExpiresAt)
        return;
      known = { idleExpiresAt: expiries.idleExpiresAt, absoluteExpiresAt: expiries.absoluteExpiresAt };
      current = deadlinesFrom(expiries, Date.now());
      setDeadlines(current);
    };
    const leave = (reason: LogoutReason, returnHere: boolean): void => {
      if (gone) return;
      gone = true;
      setLeaving(true);
      goToLogin(reason, returnHere ? currentPath() : undefined);
    };
    const apply = (result: StatusResult, tellOthers: boolean): void => {
      if (!result.active) {
        leave(result.reason, true);
        return;
      }
      adopt(result.expiries);
      if (tellOthers) announce({ type: "refreshed", ...result.expiries });
    };
    // One status read at a time; everyone who asks meanwhile waits for that one.
    const check = (): Promise<void> => {
      checking ??= fetchStatus()
        .then((status) => apply(status, false))
        .catch(() => undefined) // no answer: keep counting down on what we know
        .finally(() => {
          checking = null;
        });
      return checking;
    };
    const expire = async (): Promise<void> => {
      if (expiring) return;
      expiring = true;
      try {
        await check();
        if (gone || Date.now() < current.idle) return;
        const reason: LogoutReason = current.idle >= current.absolute ? "ended" : "expired";
        setLeaving(true);
        await endExpiredSession();
        announce({ type: "expired", reason });
        leave(reason, true);
      } finally {
        expiring = false;
      }
    };
    const tick = (): void => {
      if (gone) return;
      const time = Date.now();
      setNow(time);
      if (time >= current.idle) void expire();
      else if (current.idle - time <= warningMs && confirmedWarningFor !== current.idle) {
        confirmedWarningFor = current.idle;
        void check();
      }
    };
    const extend = async (): Promise<void> => {
      lastExtendedAt = Date.now();
      apply(await refreshSession(), true);
    };
    const onActivity = (): void => {
      const inWarning = current.idle - Date.now() <= warningMs;
      if (!inWarning && Date.now() - lastExtendedAt >= ACTIVITY_EXTENDS_EVERY_MS) void extend().catch(() => {});
    };
    const onVisible = (): void => {
      if (document.visibilityState === "visible") void check();
    };

    adopt(initial);
    actions.current = {
      // A server that cannot answer leaves the dialog up, so the person can try again.
      staySignedIn: () => extend().catch(() => undefined),
      signOutNow: async () => {
        setLeaving(true);
        if (!(await signOut().catch(() => false))) {
          setLeaving(false); // not confirmed: the page and its dialog stay, so the person can try again
          return;
        }
        announce({ type: "signed-out" });
        leave("signed-out", false);
      },
    };
    const unlisten = listen((message) => {
      if (message.type === "refreshed") adopt(message);
      else if (message.type === "expired") leave(message.reason, true);
      // A sign-out elsewhere: confirm first, so a stale message cannot end a newer session.
      else {
        void fetchStatus()
          .then((status) => status.active || leave("signed-out-elsewhere", true))
          .catch(() => undefined);
      }
    });
    const timer = setInterval(tick, 1000);
    tick();
    for (const event of ["keydown", "pointerdown"]) window.addEventListener(event, onActivity, { passive: true });
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      gone = true;
      clearInterval(timer);
      unlisten();
      for (const event of ["keydown", "pointerdown"]) window.removeEventListener(event, onActivity);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [initial, warningMs]);

  return {
    now,
    deadlines,
    leaving,
    staySignedIn: () => actions.current.staySignedIn(),
    signOutNow: () => actions.current.signOutNow(),
  };
}
