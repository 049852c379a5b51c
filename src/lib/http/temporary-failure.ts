import { HashPoolBusyError } from "@/lib/auth/hash-pool";
import { isUnavailable } from "@/lib/db/errors";

/** A failure that says "try again in a moment" (503), not "this is wrong" (decision 8). */
export function isTemporaryFailure(error: unknown): boolean {
  return isUnavailable(error) || error instanceof HashPoolBusyError;
}

export const TRY_AGAIN_MESSAGE = "The service is busy. Try again in a moment.";
