import { z } from "zod";

const ACTION_FIELD = /^\$ACTION_(\d+):(\d+)$/;
const BOUND_REFERENCE = /^\$@(\d+)$/;
const Descriptor = z.object({ id: z.string(), bound: z.string().nullable() });

function parsesAsJson(text: FormDataEntryValue | null): text is string {
  if (typeof text !== "string") return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function boundArgumentsProblem(form: FormData, prefix: string): string | null {
  const descriptor = Descriptor.safeParse(JSON.parse(String(form.get(`$ACTION_${prefix}:0`) ?? "null")));
  if (!descriptor.success) return "an action reference without its descriptor";
  const reference = BOUND_REFERENCE.exec(descriptor.data.bound ?? "");
  if (!reference) return null;
  const bound: unknown = JSON.parse(String(form.get(`$ACTION_${prefix}:${reference[1]}`) ?? "null"));
  // Every bound action of this app is a `useActionState` form, bound to its previous state.
  return Array.isArray(bound) && bound.length > 0 ? null : "a bound action without its bound arguments";
}

/**
 * Why a no-JavaScript form post to a server action is malformed, or null when React can decode it: every
 * `$ACTION_<n>:<k>` row React's `decodeAction` reads is JSON, and each `$ACTION_REF_<n>` has its
 * descriptor and a non-empty bound argument list. Otherwise the decoder (or the action, called without
 * its form) throws, and Next.js answers 500.
 */
export function formActionProblem(form: FormData): string | null {
  for (const [key, value] of form) {
    if (ACTION_FIELD.test(key) && !parsesAsJson(value)) return `${key} is not JSON`;
  }
  for (const key of form.keys()) {
    if (!key.startsWith("$ACTION_REF_")) continue;
    const problem = boundArgumentsProblem(form, key.slice("$ACTION_REF_".length));
    if (problem) return problem;
  }
  return null;
}

/**
 * Why a JavaScript call of a server action (`Next-Action` header) is malformed: React sends its argument
 * list as JSON, either as the whole body or, when it holds a form, as field `0` of a multipart body.
 */
export function fetchActionProblem(body: FormData | string): string | null {
  const args = typeof body === "string" ? body : body.get("0");
  return parsesAsJson(args) ? null : "a server action call whose arguments are not JSON";
}
