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

/** Activity on the page (a key, a click, a touch) extends the session at most this often. */
export const ACTIVITY_EXTENDS_EVERY_MS = 60_000;

export interface SessionWatch {
  /** The server's clock as this page estimates it; null until mounted. */
  now: number | null;
  idleExpiresAt: number;
  absoluteExpiresAt: number;
  leaving: boolean;
  staySignedIn: () => Promise<void>;
  signOutNow: () => Promise<void>;
}

/**
 * Follows one session's two limits on the client. The clock offset to the server is measured once from
 * `serverNow`; expiries come only from the server (status reads, refreshes, other tabs). Before warning
 * and before expiring, the page re-reads the status (which never extends the session), so activity in
 * another tab or a proxy refresh is never mistaken for idleness.
 */
export function useSessionWatch(initial: Expiries, warningMs: number): SessionWatch {
  const [now, setNow] = useState<number | null>(null);
  const [leaving, setLeaving] = useState(false);
  const [expiries, setExpiries] = useState({
    idleExpiresAt: initial.idleExpiresAt,
    absoluteExpiresAt: initial.absoluteExpiresAt,
  });
  const expiriesRef = useRef(expiries);
  const actions = useRef({ staySignedIn: async () => {}, signOutNow: async () => {} });

  useEffect(() => {
    const offset = initial.serverNow - Date.now();
    const serverNow = (): number => Date.now() + offset;
    let gone = false;
    let checking = false;
    let confirmedWarningFor = 0;
    let lastExtendedAt = Date.now();

    const adopt = (next: { idleExpiresAt: number; absoluteExpiresAt: number }): void => {
      expiriesRef.current = { idleExpiresAt: next.idleExpiresAt, absoluteExpiresAt: next.absoluteExpiresAt };
      setExpiries(expiriesRef.current);
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
      if (tellOthers) announce({ type: "refreshed", ...expiriesRef.current });
    };
    const check = async (): Promise<void> => {
      if (checking || gone) return;
      checking = true;
      try {
        apply(await fetchStatus(), false);
      } catch {
        // Offline: keep counting down on what we know.
      } finally {
        checking = false;
      }
    };
    const expire = async (): Promise<void> => {
      await check();
      const { idleExpiresAt, absoluteExpiresAt } = expiriesRef.current;
      if (gone || serverNow() < idleExpiresAt) return;
      const reason: LogoutReason = idleExpiresAt >= absoluteExpiresAt ? "ended" : "expired";
      setLeaving(true);
      await endExpiredSession();
      announce({ type: "expired", reason });
      leave(reason, true);
    };
    const tick = (): void => {
      if (gone) return;
      const current = serverNow();
      setNow(current);
      const { idleExpiresAt } = expiriesRef.current;
      if (current >= idleExpiresAt) void expire();
      else if (idleExpiresAt - current <= warningMs && confirmedWarningFor !== idleExpiresAt) {
        confirmedWarningFor = idleExpiresAt;
        void check();
      }
    };
    const extend = async (): Promise<void> => {
      lastExtendedAt = Date.now();
      apply(await refreshSession(), true);
    };
    const onActivity = (): void => {
      const inWarning = expiriesRef.current.idleExpiresAt - serverNow() <= warningMs;
      if (!inWarning && Date.now() - lastExtendedAt >= ACTIVITY_EXTENDS_EVERY_MS) void extend().catch(() => {});
    };
    const onVisible = (): void => {
      if (document.visibilityState === "visible") void check();
    };

    // A new render of the page brings the server's latest view of the session.
    adopt(initial);
    actions.current = {
      staySignedIn: extend,
      signOutNow: async () => {
        setLeaving(true);
        await signOut();
        announce({ type: "signed-out" });
        leave("signed-out", false);
      },
    };
    const unlisten = listen((message) => {
      if (message.type === "refreshed") adopt(message);
      else if (message.type === "signed-out") leave("signed-out-elsewhere", true);
      else leave(message.reason, true);
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
    ...expiries,
    leaving,
    staySignedIn: () => actions.current.staySignedIn(),
    signOutNow: () => actions.current.signOutNow(),
  };
}
