export type OriginVerdict = { ok: true } | { ok: false; reason: string };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface OriginPolicy {
  /** `APP_ORIGIN` when set; otherwise the origin this request was addressed to. */
  appOrigin: string | undefined;
  trustedOrigins: string[];
}

/**
 * CSRF defence for every unsafe request (decision 4, R46-R50): Fetch Metadata first (`cross-site` and
 * `same-site` are refused), then the whole `Origin`, compared exactly (so `https://app.example.com.evil.test`
 * fails) against the app's origin and the trusted ones; `Origin: null` is refused. A request with neither
 * header cannot come from a modern browser (API clients, curl) and is allowed.
 */
export function checkOrigin(
  request: { method: string; url: string; headers: Headers },
  policy: OriginPolicy,
): OriginVerdict {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return { ok: true };
  const site = request.headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") return { ok: false, reason: `sec-fetch-site ${site}` };
  const origin = request.headers.get("origin");
  if (origin === null) return { ok: true };
  if (origin === "null") return { ok: false, reason: "origin null" };
  const allowed = new Set([policy.appOrigin ?? new URL(request.url).origin, ...policy.trustedOrigins]);
  return allowed.has(origin) ? { ok: true } : { ok: false, reason: "foreign origin" };
}

/** JSON endpoints refuse the content types a cross-site form can send without a preflight (R47). */
export function isSimpleFormType(contentType: string | null): boolean {
  const media = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  return media !== "" && media !== "application/json";
}
