import { z } from "zod";

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * The longest session or throttle duration: `setTimeout` fires at once for anything above 2^31-1 ms
 * (about 24.8 days), and the browser's countdown and the cookie's Max-Age are derived from these.
 */
export const MAX_TIMER_MS = 24 * UNIT_MS.d;

/** Parses `45s`, `30m`, `12h` or `7d` into milliseconds; `null` for anything else. */
export function parseDuration(text: string): number | null {
  const match = /^(\d{1,6})([smhd])$/.exec(text.trim());
  if (!match) return null;
  const [, amount, unit] = match as unknown as [string, string, keyof typeof UNIT_MS];
  const ms = Number(amount) * UNIT_MS[unit];
  return ms > 0 ? ms : null;
}

/** Milliseconds in the largest unit that divides them exactly: `45s`, `30m`, `1500ms` for odd values. */
export function formatDuration(ms: number): string {
  for (const unit of ["d", "h", "m", "s"] as const) {
    if (ms % UNIT_MS[unit] === 0) return `${ms / UNIT_MS[unit]}${unit}`;
  }
  return `${ms}ms`;
}

/** A zod schema for a duration setting such as `SESSION_MAX_AGE=12h`, giving milliseconds, at most `max`. */
export function durationSchema(fallback: string, max: number = MAX_TIMER_MS): z.ZodType<number, string | undefined> {
  return z
    .string()
    .optional()
    .transform((value, ctx) => {
      const ms = parseDuration(value ?? fallback);
      if (ms === null) {
        ctx.addIssue({ code: "custom", message: `"${value}" is not a duration like 45s, 30m or 12h` });
        return z.NEVER;
      }
      if (ms > max) {
        ctx.addIssue({ code: "custom", message: `must be at most ${formatDuration(max)} (it is ${value})` });
        return z.NEVER;
      }
      return ms;
    });
}
