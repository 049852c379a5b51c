import type { ReactNode } from "react";
import { signOutDeviceAction } from "@/app/actions/device-actions";
import { LocalTime } from "@/components/local-time";
import { mutedText, smallButton } from "@/components/styles";
import type { DeviceView } from "@/lib/devices/devices";
import { amrLabel } from "./amr-label";

/**
 * "Your devices": every live session of this user, newest first, each with its own "Sign out" form (no
 * JavaScript needed). A list of cards: on a phone each device is a few short lines, its button below.
 */
export function DeviceList({ devices }: { devices: DeviceView[] }): ReactNode {
  if (devices.length === 0) return <p className={`text-sm ${mutedText}`}>No signed-in devices recorded.</p>;
  return (
    <ul className="text-sm" data-testid="device-list">
      {devices.map((device) => (
        <li
          key={device.id}
          data-testid="device"
          className="flex flex-col gap-3 border-t border-slate-100 py-3 first:border-t-0 sm:flex-row sm:items-center sm:justify-between dark:border-slate-800"
        >
          <div className="min-w-0">
            <p className="font-medium break-words">
              {device.device}
              {device.current ? (
                <span className="ml-2 rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200">
                  This device
                </span>
              ) : null}
            </p>
            <dl className={`mt-1 grid grid-cols-[auto_1fr] gap-x-3 ${mutedText}`}>
              <dt>Address</dt>
              <dd className="break-all">{device.ipAddress ?? "unknown"}</dd>
              <dt>Signed in</dt>
              <dd>
                <LocalTime ms={device.createdAt} />
              </dd>
              <dt>Signed in with</dt>
              <dd data-testid="device-amr">{amrLabel(device.amr.length > 0 ? device.amr : ["pwd"])}</dd>
              <dt>Last active</dt>
              <dd>
                <LocalTime ms={device.lastActiveAt} />
              </dd>
            </dl>
          </div>
          <form action={signOutDeviceAction}>
            <input type="hidden" name="id" value={device.id} />
            <button
              type="submit"
              className={smallButton}
              aria-label={device.current ? "Sign out this device" : `Sign out ${device.device}`}
            >
              Sign out
            </button>
          </form>
        </li>
      ))}
    </ul>
  );
}
