import { unsealData } from "iron-session";
import { parseSessionData, type SessionData } from "@/lib/session/session-data";

/** Opens a session cookie with the server's secrets, as only the server could: for asserting its contents. */
export async function openSeal(seal: string, passwords: Record<string, string>): Promise<SessionData | null> {
  return parseSessionData(await unsealData(seal, { password: passwords }));
}
