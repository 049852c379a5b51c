import type { IncomingMessage, ServerResponse } from "node:http";
import { getIronSession, type IronSession, nodeCookies } from "iron-session";
import type {
  GetServerSideProps,
  GetServerSidePropsContext,
  GetServerSidePropsResult,
  NextApiHandler,
  NextApiRequest,
  NextApiResponse,
} from "next";
import { env } from "@/lib/config/env";
import { isUnavailable } from "@/lib/db/errors";
import { noteActivity } from "@/lib/devices/record-activity";
import { CROSS_ORIGIN_BODY } from "@/lib/http/api-response";
import { checkOrigin } from "@/lib/http/origin-check";
import { nodeHeaders } from "@/lib/http/request-context";
import { isTemporaryFailure } from "@/lib/http/temporary-failure";
import { log } from "@/lib/log/logger";
import type { PublicUser } from "@/lib/users/user";
import { checkSession, type SignedOutReason } from "./check-session";
import { keptCookieName, readKeptProof } from "./kept-proof";
import type { SessionData, SessionExpiries } from "./session-data";
import { sessionOptions } from "./session-options";

/**
 * What the wrappers add to `req`: the iron session, the verified user (null when signed out), and for a
 * page's session watcher when the session ends and the server's clock.
 */
export interface WithSession {
  session: IronSession<SessionData>;
  user: PublicUser | null;
  expiries: SessionExpiries | null;
  /** Why `user` is null, for the login page's message (`none` when signed in or nothing to say). */
  signedOutReason: SignedOutReason;
  /** Whether the signed-in user's address is verified (false when signed out): `EMAIL_VERIFICATION=required`. */
  emailVerified: boolean;
}

export type SessionApiRequest = NextApiRequest & WithSession;
export type SessionSsrContext = GetServerSidePropsContext & { req: GetServerSidePropsContext["req"] & WithSession };

/**
 * Attaches the session to `req`. When the database cannot answer, API routes get a 503 (`throw`) and pages
 * are treated as signed out (`signed-out`): both fail closed (decision 8).
 */
async function attachSession<R extends IncomingMessage>(
  req: R,
  res: ServerResponse,
  unavailable: "throw" | "signed-out",
): Promise<R & WithSession> {
  const jar = nodeCookies(req, res);
  const session = await getIronSession<SessionData>(jar, sessionOptions());
  const serverNow = Date.now();
  const readProof = () => readKeptProof(jar.read(keptCookieName()));
  const check = await checkSession(session, serverNow, undefined, readProof).catch((error: unknown) => {
    if (unavailable === "throw" || !isUnavailable(error)) throw error;
    log.warn("session_check_unavailable", { error });
    return null;
  });
  const signedOut: WithSession = { session, user: null, expiries: null, signedOutReason: "none", emailVerified: false };
  if (check === null) return Object.assign(req, signedOut);
  if (check.status !== "active") return Object.assign(req, { ...signedOut, signedOutReason: check.reason });
  noteActivity(check.data);
  const { user, idleExpiresAt, absoluteExpiresAt, emailVerified } = check;
  const expiries = { idleExpiresAt, absoluteExpiresAt, serverNow };
  return Object.assign(req, { ...signedOut, user, emailVerified, expiries });
}

/** The URL this request was addressed to, as the App Router sees it (scheme from the proxy in front). */
function addressedTo(req: IncomingMessage): string | null {
  const forwarded = String(req.headers["x-forwarded-proto"] ?? "")
    .split(",")[0]
    ?.trim();
  const url = `${forwarded === "https" ? "https" : "http"}://${req.headers.host ?? ""}${req.url ?? "/"}`;
  return URL.canParse(url) ? url : null;
}

/**
 * The tutorial's `withSessionRoute` for Pages Router API routes, on iron-session 9: `req.session` and
 * the server-verified `req.user`, with the options in one place.
 */
export function withSessionRoute(
  handler: (req: SessionApiRequest, res: NextApiResponse) => unknown | Promise<unknown>,
): NextApiHandler {
  return async (req, res) => {
    const { APP_ORIGIN, TRUSTED_ORIGINS } = env();
    const url = addressedTo(req);
    if (!url) {
      res.status(400).json({ error: { code: "invalid_input", message: "The Host header is not usable." } });
      return;
    }
    const request = { method: req.method ?? "GET", url, headers: nodeHeaders(req.headers) };
    if (!checkOrigin(request, { appOrigin: APP_ORIGIN, trustedOrigins: TRUSTED_ORIGINS }).ok) {
      res.status(403).json(CROSS_ORIGIN_BODY);
      return;
    }
    try {
      await handler(await attachSession(req, res, "throw"), res);
    } catch (error) {
      sendFailure(req, res, error);
    }
  };
}

/**
 * The last-resort handler of `withSessionRoute`, as `apiRoute`'s for the App Router (R44): an unavailable
 * database is a 503 with `Retry-After`, anything else a generic 500 `internal_error` whose details go
 * only to the log (Next.js would answer a bare "Internal Server Error").
 */
function sendFailure(req: NextApiRequest, res: NextApiResponse, error: unknown): void {
  const fields = { method: req.method, path: req.url?.split("?")[0], error };
  if (res.headersSent) {
    log.error("unhandled_error", fields);
    res.end();
    return;
  }
  res.setHeader("Cache-Control", "no-store");
  if (isTemporaryFailure(error)) {
    log.warn("service_unavailable", fields);
    res.setHeader("Retry-After", "5");
    res.status(503).json({ error: { code: "service_unavailable", message: "Try again in a moment." } });
    return;
  }
  log.error("unhandled_error", fields);
  res.status(500).json({ error: { code: "internal_error", message: "Something went wrong on our side." } });
}

/** The tutorial's `withSessionSsr` for `getServerSideProps`: `context.req.session` and `context.req.user`. */
export function withSessionSsr<P extends Record<string, unknown>>(
  handler: (context: SessionSsrContext) => Promise<GetServerSidePropsResult<P>>,
): GetServerSideProps<P> {
  return async (context) => {
    const req = await attachSession(context.req, context.res, "signed-out");
    return handler({ ...context, req });
  };
}
