import { expect } from "vitest";
import { Client, STRONG_PASSWORD, uniqueEmail } from "../support/http-client";
import { expectJson } from "./helpers";

export const CHROME_LINUX =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
export const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

export interface DeviceBody {
  id: string;
  createdAt: number;
  lastActiveAt: number;
  device: string;
  ipAddress: string | null;
  current: boolean;
}

/** Signs a new user up from a browser with this User-Agent. */
export async function signUpAs(userAgent: string, baseUrl?: string): Promise<{ client: Client; email: string }> {
  const client = new Client(baseUrl);
  const email = uniqueEmail("devices");
  const body = { email, password: STRONG_PASSWORD };
  await expectJson(await client.json("POST", "/api/users", body, { "user-agent": userAgent }), 201);
  return { client, email };
}

/** Signs `email` in again, in another browser with this User-Agent. */
export async function signInAs(email: string, userAgent: string, baseUrl?: string): Promise<Client> {
  const client = new Client(baseUrl);
  const body = { email, password: STRONG_PASSWORD };
  await expectJson(await client.json("POST", "/api/sessions", body, { "user-agent": userAgent }), 200);
  return client;
}

export async function devicesOf(client: Client): Promise<DeviceBody[]> {
  return (await expectJson<{ sessions: DeviceBody[] }>(await client.request("/api/account/sessions"))).sessions;
}

/** The id the list gives the session `client` holds. */
export async function idOf(client: Client): Promise<string> {
  const current = (await devicesOf(client)).find((device) => device.current);
  expect(current, "the current session is listed").toBeDefined();
  return current?.id ?? "";
}

export function endDevice(client: Client, id: string): Promise<Response> {
  return client.json("DELETE", `/api/account/sessions/${encodeURIComponent(id)}`);
}
