"use client";

import { useEffect } from "react";
import { announce } from "./session-channel";

/**
 * Rendered by the login page after a sign-out: tells the other tabs once the cookie is really gone (they
 * confirm with the server before leaving, so a stale visit cannot end a newer session).
 */
export function AnnounceSignOut(): null {
  useEffect(() => announce({ type: "signed-out" }), []);
  return null;
}
