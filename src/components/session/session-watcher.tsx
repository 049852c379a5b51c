"use client";

import { type ReactNode, useEffect, useRef } from "react";
import { dialogBox, primaryButton, secondaryButton } from "../styles";
import type { Expiries } from "./session-api";
import { useSessionWatch } from "./use-session-watch";

/** Before the absolute limit, a notice this long ahead (or the warning time, if that is longer). */
const ABSOLUTE_NOTICE_MS = 5 * 60_000;

const seconds = (ms: number): number => Math.max(0, Math.ceil(ms / 1000));

function clock(ms: number): string {
  return new Date(ms).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

/**
 * The expiry-aware part of every signed-in page: a countdown dialog before the idle limit with "Stay
 * signed in" and "Sign out", a notice before the absolute limit (which nothing can extend), and a cover
 * over the page the moment the session ends, so no protected content stays visible.
 */
export function SessionWatcher({ initial, warningMs }: { initial: Expiries; warningMs: number }): ReactNode {
  const watch = useSessionWatch(initial, warningMs);
  const dialog = useRef<HTMLDialogElement>(null);
  const { deadlines } = watch;
  const remaining = watch.now === null ? Number.POSITIVE_INFINITY : deadlines.idle - watch.now;
  const untilEnd = watch.now === null ? Number.POSITIVE_INFINITY : deadlines.absolute - watch.now;
  const atAbsoluteLimit = deadlines.idle >= deadlines.absolute;
  const warning = !watch.leaving && remaining <= warningMs;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (warning && !element.open) element.showModal();
    if (!warning && element.open) element.close();
  }, [warning]);

  if (watch.leaving) {
    return (
      <div
        className="fixed inset-0 z-50 grid place-items-center bg-slate-50 dark:bg-slate-950"
        data-testid="session-ended-cover"
      >
        <p className="text-lg font-medium">Signing you out…</p>
      </div>
    );
  }
  return (
    <>
      {!warning && untilEnd <= Math.max(ABSOLUTE_NOTICE_MS, warningMs) ? (
        <div
          role="status"
          className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
          data-testid="absolute-notice"
        >
          Your session ends at {clock(deadlines.absolute)} and cannot be extended. Save your work; you will need to sign
          in again.
        </div>
      ) : null}
      <dialog
        ref={dialog}
        role="alertdialog"
        data-watch={watch.now === null ? "starting" : "counting"}
        aria-labelledby="session-warning-title"
        aria-describedby="session-warning-text"
        className={`max-w-sm ${dialogBox}`}
        onCancel={(event) => event.preventDefault()}
      >
        <h2 id="session-warning-title" className="text-lg font-bold">
          {atAbsoluteLimit ? "Your session is ending" : "Are you still there?"}
        </h2>
        <p id="session-warning-text" className="mt-2 text-slate-700 dark:text-slate-300">
          {atAbsoluteLimit ? "Your session reaches its time limit in " : "For your security you will be signed out in "}
          <strong data-testid="session-countdown">{seconds(remaining)}</strong> seconds
          {atAbsoluteLimit ? ". It cannot be extended: sign in again to continue." : "."}
        </p>
        <div className="mt-5 flex gap-3">
          {atAbsoluteLimit ? null : (
            <button type="button" onClick={() => void watch.staySignedIn()} className={primaryButton}>
              Stay signed in
            </button>
          )}
          <button type="button" onClick={() => void watch.signOutNow()} className={secondaryButton}>
            Sign out
          </button>
        </div>
      </dialog>
    </>
  );
}
