import { env } from "@/lib/config/env";

/** Where emailed links point when `APP_ORIGIN` is not set (development only: production requires it). */
const DEV_ORIGIN = "http://localhost:3000";

/** An absolute link into the app, built from `APP_ORIGIN` (never from the request's `Host`, R60). */
export function appLink(path: string, query: Record<string, string> = {}): string {
  const url = new URL(path, env().APP_ORIGIN ?? DEV_ORIGIN);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url.toString();
}
