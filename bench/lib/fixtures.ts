import { randomBytes } from "node:crypto";
import { sealData, unsealData } from "iron-session";

export const COOKIE_NAME = "__Host-iron-gate-session";
export const PASSWORD = "velvet tractor kiwi orbit lantern";

export interface SignedIn {
  /** `name=value` of the session cookie the app set. */
  cookie: string;
  email: string;
}

function sessionCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith(`${COOKIE_NAME}=`));
  if (!cookie) throw new Error(`no session cookie (${response.status})`);
  return cookie.split(";")[0] ?? "";
}

/** A JSON POST the app accepts: same-origin, JSON body. */
export function jsonPost(baseUrl: string, body: unknown): RequestInit {
  return {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify(body),
  };
}

/** Signs up a new user through the app's own API; the answer's cookie is B's valid session. */
export async function signUp(baseUrl: string, email: string): Promise<SignedIn> {
  const response = await fetch(`${baseUrl}/api/users`, jsonPost(baseUrl, { email, password: PASSWORD }));
  if (response.status !== 201) throw new Error(`sign-up answered ${response.status}: ${await response.text()}`);
  return { cookie: sessionCookie(response), email };
}

export async function signIn(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/sessions`, jsonPost(baseUrl, { email, password: PASSWORD }));
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
  return sessionCookie(response);
}

/**
 * `count` distinct valid cookies of the same user (B': no unseal cache can help): the signed-in seal
 * opened with the secret the bench gave the server, re-sealed with a new session id each.
 */
export async function freshCookies(signedIn: SignedIn, secret: string, count: number): Promise<string[]> {
  const password = { "1": secret };
  const seal = signedIn.cookie.slice(COOKIE_NAME.length + 1);
  const data = await unsealData<Record<string, unknown>>(seal, { password });
  const cookies: string[] = [];
  for (let i = 0; i < count; i++) {
    const fresh = await sealData({ ...data, sid: randomBytes(18).toString("base64url") }, { password, ttl: 3600 });
    cookies.push(`${COOKIE_NAME}=${fresh}`);
  }
  return cookies;
}

/** Cycles through `cookies`, one per call. */
export function cycle(cookies: readonly string[]): () => string {
  let next = 0;
  return () => {
    const cookie = cookies[next % cookies.length] ?? "";
    next += 1;
    return cookie;
  };
}
