import type { Amr } from "@/lib/session/session-data";

const NAMES: Record<Amr, string> = {
  pwd: "password",
  otp: "authenticator code",
  rec: "recovery code",
  hwk: "passkey",
};

/** "password + authenticator code": how a session was signed in, for people. */
export function amrLabel(amr: readonly Amr[]): string {
  const label = amr.map((method) => NAMES[method]).join(" + ");
  return label.charAt(0).toUpperCase() + label.slice(1);
}
