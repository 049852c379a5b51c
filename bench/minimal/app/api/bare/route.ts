export const dynamic = "force-dynamic";

/** The bare route handler: the floor of scenario A. */
export function GET(): Response {
  return Response.json({ ok: true });
}
