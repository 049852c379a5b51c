export type OriginVerdict = { ok: true } | { ok: false; reason: string };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const UNTRUSTED_SITES = new Set(["cross-site", "same-site"]);
/** Outside production, with no `APP_ORIGIN`: the names a browser on this machine may use for the dev server. */
const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

export interface OriginPolicy {
  /** `APP_ORIGIN`: always set in production (env.ts refuses to start without it). */
  appOrigin: string | undefined;
  trustedOrigins: string[];
}

/**
 * CSRF defence for every unsafe request (decision 4, R46-R50). Fetch Metadata first: any `cross-site` or
 * `same-site` in `Sec-Fetch-Site`, in any case and anywhere in a list, is refused. Then the whole `Origin`,
 * compared exactly (so `https://app.example.com.evil.test` fails) with the allowed origins; `Origin: null`
 * is refused. Without `Origin`, a `Referer` must name an allowed origin too (R48's mandatory fallback). A
 * request with none of the three cannot come from a modern browser (API clients, curl) and is allowed.
 */
export function checkOrigin(
  request: { method: string; url: string; headers: Headers },
  policy: OriginPolicy,
): OriginVerdict {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return { ok: true };
  const sites = (request.headers.get("sec-fetch-site") ?? "").split(",").map((site) => site.trim().toLowerCase());
  const untrusted = sites.find((site) => UNTRUSTED_SITES.has(site));
  if (untrusted) return { ok: false, reason: `sec-fetch-site ${untrusted}` };
  const allowed = allowedOrigins(request.url, policy);
  const origin = request.headers.get("origin");
  if (origin === "null") return { ok: false, reason: "origin null" };
  if (origin !== null) return allowed.has(origin) ? { ok: true } : { ok: false, reason: "foreign origin" };
  const referer = request.headers.get("referer");
  if (referer === null) return { ok: true };
  return allowed.has(originOf(referer)) ? { ok: true } : { ok: false, reason: "foreign referer" };
}

/**
 * `APP_ORIGIN` and the trusted ones; without `APP_ORIGIN` (development), the loopback names on this port
 * only, never the request's own host: a DNS-rebound `evil.test` pointing at 127.0.0.1 sends a matching
 * `Host` and `Origin`.
 */
function allowedOrigins(url: string, policy: OriginPolicy): Set<string> {
  if (policy.appOrigin !== undefined) return new Set([policy.appOrigin, ...policy.trustedOrigins]);
  const { protocol, port } = new URL(url);
  const suffix = port === "" ? "" : `:${port}`;
  return new Set([...LOOPBACK_HOSTS.map((host) => `${protocol}//${host}${suffix}`), ...policy.trustedOrigins]);
}

/** The origin a `Referer` names, or "" (never allowed) when it is not an absolute URL. */
function originOf(referer: string): string {
  return URL.canParse(referer) ? new URL(referer).origin : "";
}

/** JSON endpoints refuse the content types a cross-site form can send without a preflight (R47). */
export function isSimpleFormType(contentType: string | null): boolean {
  const media = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  return media !== "" && media !== "application/json";
}
