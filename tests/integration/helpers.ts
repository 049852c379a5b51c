import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { expect } from "vitest";
import { captureOutput } from "../support/captured-output";
import { Client, parseSetCookie, type SetCookie } from "../support/http-client";

/** The session cookie's name when the app runs with NODE_ENV=production. */
export const COOKIE_NAME = "__Host-iron-gate-session";

/** The shape every error body has. */
export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

export interface PublicUserBody {
  id: string;
  email: string;
  name: string | null;
  isAdmin: boolean;
}

/**
 * Asserts a JSON error with this status and code (a string, or an asymmetric matcher such as
 * `expect.any(String)`) and `Cache-Control: no-store`, and returns its body.
 */
export async function expectError(response: Response, status: number, code: unknown): Promise<ErrorBody> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get("content-type") ?? "").toMatch(/^application\/json/);
  expect(response.headers.get("cache-control") ?? "").toMatch(/no-store/);
  const body = JSON.parse(text) as ErrorBody;
  expect(body.error.code).toEqual(code);
  expect(typeof body.error.message).toBe("string");
  expect(body.error.message.length).toBeGreaterThan(0);
  return body;
}

/** Asserts a JSON success with this status and `Cache-Control: no-store`, and returns the parsed body. */
export async function expectJson<T>(response: Response, status = 200): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get("content-type") ?? "").toMatch(/^application\/json/);
  expect(response.headers.get("cache-control") ?? "").toMatch(/no-store/);
  return JSON.parse(text) as T;
}

/** The session cookie a response sets, if any. */
export function sessionSetCookie(response: Response): SetCookie | undefined {
  return response.headers
    .getSetCookie()
    .map(parseSetCookie)
    .find((cookie) => cookie.name === COOKIE_NAME);
}

/** True when a Set-Cookie removes the cookie (empty value, Max-Age=0 or an Expires in the past). */
export function clearsCookie(cookie: SetCookie): boolean {
  const expires = cookie.attributes.expires;
  const past = typeof expires === "string" && Date.parse(expires) <= Date.now();
  return cookie.value === "" || cookie.attributes["max-age"] === "0" || past;
}

/** Who the server thinks this client is. */
export async function currentUser(client: Client): Promise<PublicUserBody | null> {
  const body = await expectJson<{ user: PublicUserBody | null }>(await client.request("/api/sessions"));
  return body.user;
}

/** The visible text of an HTML page: no scripts, styles, comments or tags, entities decoded, spaces collapsed. */
export function pageText(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/gi, " ")
    .replace(/<style\b[\s\S]*?<\/style>/gi, " ")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

/** The path and query a redirect points to, resolved against the server's origin. */
export function redirectTarget(response: Response, baseUrl: string): string {
  const location = response.headers.get("location");
  expect(location, `status ${response.status} without Location`).toBeTruthy();
  const url = new URL(location ?? "", baseUrl);
  expect(url.origin).toBe(new URL(baseUrl).origin);
  return `${url.pathname}${url.search}`;
}

/**
 * Asserts a redirect (307 unless `status` says otherwise; any 3xx when it is null) to the login page
 * whose `next` is `next`. Other query parameters (such as a reason) are allowed.
 */
export function expectLoginRedirect(
  response: Response,
  baseUrl: string,
  next: string,
  status: number | null = 307,
): void {
  if (status === null) expect([302, 303, 307, 308]).toContain(response.status);
  else expect(response.status).toBe(status);
  const target = new URL(redirectTarget(response, baseUrl), baseUrl);
  expect(target.pathname).toBe("/login");
  expect(target.searchParams.get("next")).toBe(next);
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const ROOT = resolve(import.meta.dirname, "../..");

/** Runs `npm run -s users -- …args` from the project root against `databaseUrl`, `stdin` as the password. */
export function runUsersCli(databaseUrl: string, args: string[], stdin = ""): Promise<CliResult> {
  return runScript("users", databaseUrl, args, stdin);
}

/** Runs `npm run -s <script> -- …args` from the project root against `databaseUrl`. */
export function runScript(script: string, databaseUrl: string, args: string[] = [], stdin = ""): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn("npm", ["run", "-s", script, "--", ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["pipe", "pipe", "pipe"],
    });
    const output = captureOutput(child);
    child.once("error", fail);
    child.once("close", (code) => done({ code, ...output }));
    child.stdin.end(stdin);
  });
}

/** A brand-new SQLite file URL for CLI tests that must not touch the server's database. */
export function tempDatabaseUrl(): string {
  return `file:/tmp/iron-gate-cli-${process.pid}-${randomBytes(6).toString("hex")}.db`;
}

/** A second browser holding a copy of `client`'s cookies (a stolen cookie), on `baseUrl` if given (another instance). */
export function copyOf(client: Client, baseUrl = client.baseUrl): Client {
  const copy = new Client(baseUrl);
  for (const [name, value] of client.cookies) copy.cookies.set(name, value);
  return copy;
}
