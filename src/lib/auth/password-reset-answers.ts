/** The one answer to every well-formed reset request: it cannot say whether the address has an account. */
export const RESET_REQUESTED_MESSAGE =
  "If an account uses this address, we have sent it a link to choose a new password. Check your inbox.";

export const RESET_LINK_DEAD_MESSAGE =
  "This link does not work any more: it was used, it expired, or a newer one was sent. Ask for a new one.";

/** Where a reset sends the person: the login page, which says the password was changed (no sign-in, R60). */
export const AFTER_RESET_PATH = "/login?reason=password-reset";
