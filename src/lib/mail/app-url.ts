import { env } from "@/lib/config/env";

/** Without `APP_ORIGIN` (development only: production refuses to start without it), the dev server's address. */
export function appOrigin(): string {
  return env().APP_ORIGIN ?? `http://localhost:${process.env.PORT ?? "3000"}`;
}

/**
 * An absolute link into this app for a message: `path` (with its query) resolved against `APP_ORIGIN`, never
 * against a Host a client sent. A URL that would leave the app's origin is a programming error.
 */
export function appUrl(path: string, origin: string = appOrigin()): string {
  const url = new URL(path, origin);
  if (url.origin !== new URL(origin).origin) throw new Error("a mail link must stay on the app's origin");
  return url.href;
}
