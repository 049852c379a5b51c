/** The moments of one session, in epoch milliseconds. */
export interface SessionTimes {
  signedInAt: number;
  idleExpiresAt: number;
  absoluteExpiresAt: number;
}

export interface TimelineMarks {
  /** Where now and the idle limit sit between signing in (0) and the absolute limit (100), in percent. */
  nowPercent: number;
  idlePercent: number;
  /** One sentence for assistive technology, which does not see the drawing. */
  summary: string;
}

const clampPercent = (value: number): number => Math.min(100, Math.max(0, value));

/** "3 min", "2 h 5 min", "under a minute". */
export function roughDuration(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return "under a minute";
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** The session's timeline at `now`: signed in, now, idle limit, absolute limit. */
export function timelineMarks(times: SessionTimes, now: number): TimelineMarks {
  const span = Math.max(1, times.absoluteExpiresAt - times.signedInAt);
  const at = (moment: number): number => clampPercent(((moment - times.signedInAt) / span) * 100);
  const summary =
    `Signed in ${roughDuration(now - times.signedInAt)} ago; ` +
    `ends in ${roughDuration(times.idleExpiresAt - now)} if idle, ` +
    `in ${roughDuration(times.absoluteExpiresAt - now)} at the latest.`;
  return { nowPercent: at(now), idlePercent: at(times.idleExpiresAt), summary };
}
