import { startAuthentication } from "@simplewebauthn/browser";

/** A POST to the JSON API: `body` as JSON, or no body at all. */
export function postJson(path: string, body?: unknown): Promise<Response> {
  return fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** How a passkey sign-in step ended: where to go next, or which of its two requests was refused. */
export type PasskeyAssertion =
  | { ok: true; redirectTo: string }
  | { ok: false; refused: "options"; status: number }
  | { ok: false; refused: "assertion" };

/**
 * One passkey ceremony: asks `optionsPath` for a challenge, lets the browser sign it, posts the answer to
 * `verifyPath` (shaped by `body`). Throws when the browser prompt is cancelled or fails.
 */
export async function assertPasskey(paths: {
  optionsPath: string;
  verifyPath: string;
  body: (response: unknown) => Record<string, unknown>;
}): Promise<PasskeyAssertion> {
  const options = await postJson(paths.optionsPath);
  if (!options.ok) return { ok: false, refused: "options", status: options.status };
  const response = await startAuthentication({ optionsJSON: await options.json() });
  const result = await postJson(paths.verifyPath, paths.body(response));
  if (!result.ok) return { ok: false, refused: "assertion" };
  const answer: unknown = await result.json();
  const redirectTo =
    typeof answer === "object" && answer && "redirectTo" in answer ? String(answer.redirectTo) : "/private";
  return { ok: true, redirectTo };
}
