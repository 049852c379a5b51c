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
import { checkOrigin } from "@/lib/http/origin-check";
import { nodeHeaders } from "@/lib/http/request-context";
import type { PublicUser } from "@/lib/users/user";
import { resolveSession } from "./resolve-session";
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
}

export type SessionApiRequest = NextApiRequest & WithSession;
export type SessionSsrContext = GetServerSidePropsContext & { req: GetServerSidePropsContext["req"] & WithSession };

async function attachSession<R extends IncomingMessage>(req: R, res: ServerResponse): Promise<R & WithSession> {
  const session = await getIronSession<SessionData>(nodeCookies(req, res), sessionOptions());
  const serverNow = Date.now();
  const check = await resolveSession(session, serverNow);
  if (check.status !== "active") return Object.assign(req, { session, user: null, expiries: null });
  const { user, idleExpiresAt, absoluteExpiresAt } = check;
  return Object.assign(req, { session, user, expiries: { idleExpiresAt, absoluteExpiresAt, serverNow } });
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
    const request = {
      method: req.method ?? "GET",
      url: `http://${req.headers.host}${req.url}`,
      headers: nodeHeaders(req.headers),
    };
    const verdict = checkOrigin(request, { appOrigin: APP_ORIGIN, trustedOrigins: TRUSTED_ORIGINS });
    if (!verdict.ok) {
      res.status(403).json({ error: { code: "cross_origin", message: "This request did not come from this site." } });
      return;
    }
    try {
      await handler(await attachSession(req, res), res);
    } catch (error) {
      if (!isUnavailable(error)) throw error;
      res.setHeader("Retry-After", "5");
      res.status(503).json({ error: { code: "service_unavailable", message: "Try again in a moment." } });
    }
  };
}

/** The tutorial's `withSessionSsr` for `getServerSideProps`: `context.req.session` and `context.req.user`. */
export function withSessionSsr<P extends Record<string, unknown>>(
  handler: (context: SessionSsrContext) => Promise<GetServerSidePropsResult<P>>,
): GetServerSideProps<P> {
  return async (context) => {
    const req = await attachSession(context.req, context.res);
    return handler({ ...context, req });
  };
}
