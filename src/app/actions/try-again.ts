import { isTemporaryFailure, TRY_AGAIN_MESSAGE } from "@/lib/http/temporary-failure";
import type { FormState } from "./form-state";

/**
 * Runs a form action; a temporary failure (database locked or down, hash queue full) becomes a message on
 * the form instead of an error page. Everything else, redirects included, passes through.
 */
export async function orTryAgain(values: FormState["values"], run: () => Promise<FormState>): Promise<FormState> {
  try {
    return await run();
  } catch (error) {
    if (!isTemporaryFailure(error)) throw error;
    return { message: TRY_AGAIN_MESSAGE, fields: {}, values };
  }
}
