import type { ReactNode } from "react";
import { LocalTime } from "@/components/local-time";
import { card, mutedText } from "@/components/styles";
import { reader } from "@/lib/db/database";
import { listPasskeys } from "@/lib/passkeys/passkey-store";
import type { ActiveSession } from "@/lib/session/check-session";
import { AddPasskey, RemovePasskey } from "./passkey-controls";

/** The user's passkeys: name, when added, when last used; add and remove need a recent password (R61). */
export async function PasskeysSection({ session }: { session: ActiveSession }): Promise<ReactNode> {
  const passkeys = await listPasskeys(await reader(), session.user.id);
  return (
    <section id="passkeys" className={`mt-6 ${card}`} aria-labelledby="passkeys-title">
      <h2 id="passkeys-title" className="font-semibold">
        Passkeys
      </h2>
      <p className={`mt-1 text-sm ${mutedText}`}>
        Sign in with your phone, computer or security key instead of a password. Needs JavaScript.
      </p>
      {passkeys.length > 0 ? (
        <ul className="mt-4 text-sm" data-testid="passkeys">
          {passkeys.map((passkey) => (
            <li
              key={passkey.id}
              className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-100 py-2 first:border-t-0 dark:border-slate-800"
            >
              <span>
                <span className="font-medium">{passkey.name}</span>
                <span className={`block ${mutedText}`}>
                  Added <LocalTime ms={passkey.createdAt} />
                  {" · "}
                  {passkey.lastUsedAt === null ? (
                    "never used"
                  ) : (
                    <>
                      last used <LocalTime ms={passkey.lastUsedAt} />
                    </>
                  )}
                </span>
              </span>
              <RemovePasskey id={passkey.id} name={passkey.name} />
            </li>
          ))}
        </ul>
      ) : null}
      <AddPasskey />
    </section>
  );
}
