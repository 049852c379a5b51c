import { inject } from "vitest";

/** The parts of a `Set-Cookie` header the tests look at. */
export interface SetCookie {
  name: string;
  value: string;
  attributes: Record<string, string | true>;
}

export function parseSetCookie(header: string): SetCookie {
  const [pair = "", ...rest] = header.split(";");
  const eq = pair.indexOf("=");
  const attributes: Record<string, string | true> = {};
  for (const part of rest) {
    const [key = "", ...value] = part.trim().split("=");
    attributes[key.toLowerCase()] = value.length > 0 ? value.join("=") : true;
  }
  return { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), attributes };
}

/**
 * A minimal browser stand-in over real HTTP: keeps the cookies the app sets (dropping those it clears)
 * and sends them back. No redirects are followed, so tests see them.
 */
export class Client {
  readonly cookies = new Map<string, string>();
  readonly baseUrl: string;

  constructor(baseUrl: string = inject("baseUrl")) {
    this.baseUrl = baseUrl;
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0 && !headers.has("cookie")) {
      headers.set("cookie", [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    }
    const response = await fetch(new URL(path, this.baseUrl), { ...init, headers, redirect: "manual" });
    for (const header of response.headers.getSetCookie()) {
      const cookie = parseSetCookie(header);
      const expired = cookie.value === "" || cookie.attributes["max-age"] === "0";
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  /** A JSON request with `Content-Type: application/json`. */
  json(method: string, path: string, body?: unknown, headers: HeadersInit = {}): Promise<Response> {
    return this.request(path, {
      method,
      headers: { "content-type": "application/json", ...Object.fromEntries(new Headers(headers)) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }
}

let counter = 0;

/** A unique, valid email for one test. */
export function uniqueEmail(label = "user"): string {
  counter += 1;
  return `${label}-${process.pid}-${Date.now()}-${counter}@example.com`;
}

/** A password that passes the policy (long, uncommon words). */
export const STRONG_PASSWORD = "velvet tractor kiwi orbit lantern";

/** Signs a new user up through the API and returns the signed-in client. */
export async function signedUpClient(options: { name?: string } = {}): Promise<{ client: Client; email: string }> {
  const client = new Client();
  const email = uniqueEmail();
  const response = await client.json("POST", "/api/users", { email, password: STRONG_PASSWORD, ...options });
  if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  return { client, email };
}
