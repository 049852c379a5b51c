type Level = "info" | "warn" | "error";
type Fields = Record<string, unknown>;

const REDACTED_KEYS = /pass(word)?|secret|cookie|authorization|token|seal|hash/i;

/** Replaces the values of sensitive-looking keys, recursively (R45: never log credentials or tokens). */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 5 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, REDACTED_KEYS.test(key) ? "[redacted]" : redact(item, depth + 1)]),
  );
}

const RESERVED = new Set(["time", "level", "event"]);

/**
 * One JSON line. The line's own `time`, `level` and `event` come last, so a caller's field of the same name
 * (an audit entry's `event`, say) can never rename the line; such a field is kept as `field_<name>`.
 */
function formatLine(level: Level, event: string, fields: Fields = {}, now = new Date()): string {
  const safe = Object.fromEntries(
    Object.entries(redact(fields) as Fields).map(([key, value]) =>
      RESERVED.has(key) ? [`field_${key}`, value] : [key, value],
    ),
  );
  return JSON.stringify({ time: now.toISOString(), level, event, ...safe });
}

function write(level: Level, event: string, fields: Fields = {}): void {
  const line = formatLine(level, event, fields);
  if (level === "info") console.log(line);
  else console.error(line);
}

/** Structured JSON log lines, one per event. */
export const log = {
  info: (event: string, fields?: Fields): void => write("info", event, fields),
  warn: (event: string, fields?: Fields): void => write("warn", event, fields),
  error: (event: string, fields?: Fields): void => write("error", event, fields),
};
