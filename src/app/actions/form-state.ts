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

export function formText(form: FormData, key: string): string | undefined {
  const value = form.get(key);
  return typeof value === "string" ? value : undefined;
}
