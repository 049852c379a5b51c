import { z } from "zod";

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Parses `45s`, `30m`, `12h` or `7d` into milliseconds; `null` for anything else. */
export function parseDuration(text: string): number | null {
  const match = /^(\d{1,6})([smhd])$/.exec(text.trim());
  if (!match) return null;
  const [, amount, unit] = match as unknown as [string, string, keyof typeof UNIT_MS];
  const ms = Number(amount) * UNIT_MS[unit];
  return ms > 0 ? ms : null;
}

/** A zod schema for a duration setting such as `SESSION_MAX_AGE=12h`, giving milliseconds. */
export function durationSchema(fallback: string): z.ZodType<number, string | undefined> {
  return z
    .string()
    .optional()
    .transform((value, ctx) => {
      const ms = parseDuration(value ?? fallback);
      if (ms === null) {
        ctx.addIssue({ code: "custom", message: `"${value}" is not a duration like 45s, 30m or 12h` });
        return z.NEVER;
      }
      return ms;
    });
}
