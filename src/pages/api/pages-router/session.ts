import { env } from "@/lib/config/env";
import { nodeHeaders, requestContext } from "@/lib/http/request-context";
import { withSessionRoute } from "@/lib/session/pages-router";
import { endIronSession } from "@/lib/session/sign-out";
import { mustVerifyFirst, verificationMode } from "@/lib/verification/verification-gate";

/**
 * A Pages Router API route on `withSessionRoute`: GET answers who is signed in (401 when nobody),
 * DELETE signs out, and so does POST: the page's form without JavaScript, answered with a redirect to the
 * login page. It exists to show, and to test, the wrapper with real requests.
 */
export default withSessionRoute(async (req, res) => {
  res.setHeader("Cache-Control", "no-store");
  if (req.method === "GET") {
    if (!req.user) return res.status(401).json({ error: { code: "unauthorized", message: "Sign in first." } });
    if (mustVerifyFirst(verificationMode(), req.emailVerified)) {
      return res.status(403).json({ error: { code: "email_unverified", message: "Verify your email address first." } });
    }
    return res.status(200).json({ user: req.user });
  }
  if (req.method === "DELETE" || req.method === "POST") {
    await endIronSession(req.session, requestContext(nodeHeaders(req.headers), env().TRUST_PROXY));
    res.setHeader("Clear-Site-Data", '"cache"');
    // POST is the page's sign-out form without JavaScript: the browser follows to the login page.
    if (req.method === "POST") return res.redirect(303, "/login?reason=signed-out");
    return res.status(200).json({ ok: true });
  }
  res.setHeader("Allow", "GET, POST, DELETE");
  return res.status(405).json({ error: { code: "method_not_allowed", message: "Use GET, POST or DELETE." } });
});
