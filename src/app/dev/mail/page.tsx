import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { LocalTime } from "@/components/local-time";
import { PageShell } from "@/components/page-shell";
import { card, link, mutedText } from "@/components/styles";
import { env } from "@/lib/config/env";
import { reader } from "@/lib/db/database";
import { latestMessages } from "@/lib/mail/dev-outbox";

export const metadata: Metadata = { title: "Dev mail" };

/**
 * Development only (404 in production, decided here at request time): the outbox as a mailbox, so the
 * links of sign-up, reset and change messages can be followed without a mail server.
 */
export default async function DevMailPage(): Promise<ReactNode> {
  await connection();
  if (env().NODE_ENV === "production") notFound();
  const messages = await latestMessages(await reader());
  return (
    <PageShell session={null}>
      <h1 className="mb-2 text-2xl font-bold tracking-tight">Dev mail</h1>
      <p className={`mb-6 text-sm ${mutedText}`}>
        The newest messages of the outbox. Development only; with <code>SMTP_URL</code> set, sent messages are emptied
        and only their subjects remain.
      </p>
      {messages.length === 0 ? <p className={mutedText}>No messages yet.</p> : null}
      <ul className="space-y-4">
        {messages.map((message) => (
          <li key={message.id} className={card}>
            <h2 className="font-semibold">{message.subject}</h2>
            <p className={`text-sm ${mutedText}`}>
              To {message.to} · {message.status} · <LocalTime ms={message.createdAt} />
            </p>
            <ul className="mt-2 space-y-1 text-sm">
              {message.links.map((href) => (
                <li key={href} className="break-all">
                  <a href={href} className={link}>
                    {href}
                  </a>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </PageShell>
  );
}
