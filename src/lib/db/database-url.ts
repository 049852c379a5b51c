import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

export type DatabaseTarget = { kind: "sqlite"; path: string } | { kind: "postgres"; url: string };

/** `file:./data/app.db` (relative to the working directory), `file:/abs/path.db` or `postgres://…`. */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) return { kind: "postgres", url };
  if (url === "file::memory:") return { kind: "sqlite", path: ":memory:" };
  if (url.startsWith("file://")) return { kind: "sqlite", path: fileURLToPath(url) };
  return { kind: "sqlite", path: resolve(url.slice("file:".length)) };
}
