import type { FieldErrors } from "@/lib/http/api-response";

/** What a no-JS-capable auth form gets back: field errors and what to refill, never the password. */
export interface FormState {
  /** What went wrong as a whole (a refusal, a throttle); field errors go in `fields`. */
  message?: string;
  /** A confirmation. */
  notice?: string;
  fields: FieldErrors;
  /** The action needs a recent password confirmation first (step-up, R61); nothing was done. */
  reauthenticate?: boolean;
  values: { email?: string; name?: string };
}

export const EMPTY_FORM_STATE: FormState = { fields: {}, values: {} };

/**
 * A text field of the submitted form. React passes the form after an action's bound arguments, so a forged
 * post with the wrong number of them hands an action no form at all: then every field is missing (and
 * refused by the schema) instead of the action throwing.
 */
export function formText(form: FormData, key: string): string | undefined {
  if (!(form instanceof FormData)) return undefined;
  const value = form.get(key);
  return typeof value === "string" ? value : undefined;
}
