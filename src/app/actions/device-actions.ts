"use server";

import { redirect } from "next/navigation";
import { endDevice } from "@/lib/devices/devices";
import { currentRequestContext } from "@/lib/http/current-request";
import { requireSession } from "@/lib/session/for-pages";
import { endSession } from "@/lib/session/sign-out";
import { formText } from "./form-state";

/**
 * A device list's "Sign out" (a plain form, so it works without JavaScript). The action verifies the session
 * itself; the data layer only ends one of this user's own live sessions. Signing this device out lands on the
 * login page; another device, back on the account page with a notice (or one saying it was already gone).
 */
export async function signOutDeviceAction(form: FormData): Promise<void> {
  const session = await requireSession("/account");
  const result = await endDevice(session, formText(form, "id") ?? "", await currentRequestContext());
  if (!result.ok) redirect("/account?done=device-gone#devices");
  if (result.current) {
    await endSession();
    redirect("/login?reason=signed-out");
  }
  redirect("/account?done=device-signed-out#devices");
}
