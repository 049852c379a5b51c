"use client";

import { useEffect, useRef, useState } from "react";
import { type Expiries, endExpiredSession, fetchStatus, refreshSession, signOut } from "./session-api";
import { announce, currentPath, goToLogin, listen } from "./session-channel";
import type { Deadlines } from "./session-deadlines";
import { type Effect, initialState, step, type WatchEvent, type WatchState } from "./session-machine";

export interface SessionWatch {
  /** This page's clock; null until mounted. */
  now: number | null;
  deadlines: Deadlines;
  leaving: boolean;
  staySignedIn: () => void;
  signOutNow: () => void;
}

const ACTIVITY_EVENTS = ["keydown", "pointerdown"] as const;

/**
 * Wires the browser to the session machine (session-machine.ts, where every decision lives): a timer,
 * the status and refresh answers, the other tabs' messages, activity and visibility go in as events; the
 * effects it asks for (a request, a message, leaving the page) are carried out here.
 */
export function useSessionWatch(initial: Expiries, warningMs: number): SessionWatch {
  const [view, setView] = useState<WatchState>(() => initialState(initial, warningMs, Date.now()));
  const dispatch = useRef<(event: WatchEvent) => void>(() => {});

  useEffect(() => {
    let state = initialState(initial, warningMs, Date.now());
    let unmounted = false;
    const send = (event: WatchEvent): void => {
      if (unmounted) return;
      const next = step(state, event);
      state = next.state;
      setView(state);
      for (const effect of next.effects) run(effect);
    };
    // A request that fails says nothing about the session (null): keep counting on what we know.
    const run = (effect: Effect): void => {
      switch (effect.type) {
        case "read-status":
          void fetchStatus().then(
            (answer) => send({ type: "status", answer, now: Date.now() }),
            () => send({ type: "status", answer: null, now: Date.now() }),
          );
          return;
        case "refresh":
          void refreshSession().then(
            (answer) => send({ type: "refresh", answer, now: Date.now() }),
            () => send({ type: "refresh", answer: null, now: Date.now() }),
          );
          return;
        case "sign-out":
          void signOut().then(
            (ok) => send({ type: "signed-out", ok }),
            () => send({ type: "signed-out", ok: false }),
          );
          return;
        case "announce":
          announce(effect.message);
          return;
        case "end-and-leave":
          // Ends the session on the server too, so both sides agree whatever the clocks.
          void endExpiredSession().then(() => {
            announce({ type: "expired", reason: effect.reason });
            goToLogin(effect.reason, currentPath());
          });
          return;
        case "leave":
          goToLogin(effect.reason, effect.returnHere ? currentPath() : undefined);
          return;
      }
    };
    dispatch.current = send;

    const onActivity = (): void => send({ type: "activity", now: Date.now() });
    const onVisible = (): void => {
      if (document.visibilityState === "visible") send({ type: "visible", now: Date.now() });
    };
    const unlisten = listen((message) => send({ type: "message", message, now: Date.now() }));
    const timer = setInterval(() => send({ type: "tick", now: Date.now() }), 1000);
    send({ type: "tick", now: Date.now() });
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { passive: true });
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      unmounted = true;
      clearInterval(timer);
      unlisten();
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [initial, warningMs]);

  return {
    now: view.now,
    deadlines: view.deadlines,
    leaving: view.phase !== "watching",
    staySignedIn: () => dispatch.current({ type: "stay", now: Date.now() }),
    signOutNow: () => dispatch.current({ type: "sign-out" }),
  };
}
