import { expect } from "vitest";
import type { Client } from "./http-client";
import { linkTo, type ReceivedMail, waitForMail } from "./smtp";

/** Waits for the message to `to` whose subject contains `subject`, delivered through the real SMTP server. */
export function waitForSubject(spoolDir: string, to: string, subject: string): Promise<ReceivedMail> {
  return waitForMail(spoolDir, to, { matching: (mail) => mail.subject.includes(subject) });
}

/**
 * Follows the link to `path` in `mail` as a browser would, with `client`'s cookies, and returns the redirect
 * the app answers with (303, token-free, no referrer), as a path and query.
 */
export async function followLink(client: Client, mail: ReceivedMail, path: string): Promise<string> {
  const link = linkTo(mail, path);
  expect(link.origin).toBe(new URL(client.baseUrl).origin);
  const response = await client.request(`${link.pathname}${link.search}`);
  expect(response.status).toBe(303);
  expect(response.headers.get("referrer-policy")).toBe("no-referrer");
  const location = response.headers.get("location") ?? "";
  expect(location).not.toContain("token");
  return location;
}
