/** A usage error: exit 2, the usage follows the message. */
export class UsageError extends Error {}
/** A refusal (unknown user, weak password, the last admin…): exit 1. */
export class Refused extends Error {}

/** Why a password entry gave no password, as the error the CLI exits with. */
export const ENTRY_PROBLEMS = {
  mismatch: () => new Refused("the two passwords do not match; nothing was changed"),
  cancelled: () => new Refused("no password given; nothing was changed"),
  missing: () => new UsageError("a password is needed: type it at the prompt, or give it as the first line of stdin"),
};
