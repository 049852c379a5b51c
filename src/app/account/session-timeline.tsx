"use client";

import { type ReactNode, useEffect, useState } from "react";
import { listen } from "@/components/session/session-channel";
import { type SessionTimes, timelineMarks } from "./timeline-marks";

const TICK_MS = 15_000;

/**
 * This session drawn on a line from signing in to the absolute limit, with now and the idle limit on it.
 * Fed by the expiries the page's session watcher starts from; moves as time passes, and the idle limit
 * follows a refresh made in another tab.
 */
export function SessionTimeline({ initial, serverNow }: { initial: SessionTimes; serverNow: number }): ReactNode {
  const [times, setTimes] = useState(initial);
  const [now, setNow] = useState(serverNow);

  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    const stop = listen((message) => {
      if (message.type !== "refreshed") return;
      setTimes((current) => ({ ...current, ...message }));
      setNow(Date.now());
    });
    return () => {
      clearInterval(timer);
      stop();
    };
  }, []);

  const marks = timelineMarks(times, now);
  const nowAt = `${marks.nowPercent}%`;
  const idleAt = `${marks.idlePercent}%`;
  // SVG attributes, not inline styles: the Content Security Policy allows no `style` attribute.
  return (
    <figure className="mt-5" data-testid="session-timeline" data-now-percent={marks.nowPercent.toFixed(3)}>
      <div className="px-2.5">
        <svg role="img" aria-label={marks.summary} width="100%" height="24" className="overflow-visible">
          <rect x="0" y="8" width="100%" height="8" rx="4" className="fill-slate-200 dark:fill-slate-700" />
          <rect x="0" y="8" width={nowAt} height="8" rx="4" className="fill-brand-600 dark:fill-brand-300" />
          <circle cx={idleAt} cy="12" r="9" className="fill-amber-500" />
          <circle
            cx={nowAt}
            cy="12"
            r="9"
            strokeWidth="3"
            className="fill-brand-700 stroke-white dark:fill-brand-300 dark:stroke-slate-900"
          />
        </svg>
      </div>
      <figcaption className="mt-1 flex justify-between gap-2 text-xs text-slate-600 dark:text-slate-400">
        <span>Signed in</span>
        <span className="flex items-center gap-1">
          <span className="inline-block size-2 rounded-full bg-brand-700 dark:bg-brand-300" aria-hidden="true" />
          Now
          <span className="ml-2 inline-block size-2 rounded-full bg-amber-500" aria-hidden="true" />
          Idle limit
        </span>
        <span>Absolute limit</span>
      </figcaption>
    </figure>
  );
}
