/** What the access log records of one request: fixed fields, none of them a secret (no query, no headers). */
export interface AccessEntry {
  method: string;
  path: string;
  requestId: string | null;
  status: number;
  ms: number;
}

/**
 * The line, in the logger's shape (`time`, `level`, `event`, then the fields), built directly: no generic
 * redaction walk (no field can hold a credential), no intermediate objects.
 */
export function accessLine(entry: AccessEntry, now = Date.now()): string {
  const id = entry.requestId === null ? "null" : JSON.stringify(entry.requestId);
  return `{"time":"${new Date(now).toISOString()}","level":"info","event":"request","method":${JSON.stringify(entry.method)},"path":${JSON.stringify(entry.path)},"requestId":${id},"status":${entry.status | 0},"ms":${entry.ms | 0}}\n`;
}

const pending: string[] = [];
let scheduled = false;

function flush(): void {
  scheduled = false;
  if (pending.length === 0) return;
  const lines = pending.join("");
  pending.length = 0;
  process.stdout.write(lines);
}

process.once("exit", flush);

/**
 * One access-log line per request, written off the request (issue 14): queued, and the lines of one turn of
 * the event loop go out in one write after it, instead of a synchronous `console.log` each.
 */
export function accessLog(entry: AccessEntry): void {
  pending.push(accessLine(entry));
  if (scheduled) return;
  scheduled = true;
  setImmediate(flush);
}
