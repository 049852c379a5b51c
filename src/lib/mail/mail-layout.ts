import { env } from "@/lib/config/env";
import { appUrl } from "./app-url";
import type { OutgoingMail } from "./outgoing-mail";

export interface MailContent {
  title: string;
  paragraphs: string[];
  /** A button (HTML) and a bare link (text); `url` is a path such as `/reset-password?token=…` or an app URL. */
  action?: { label: string; url: string };
  /** Why the recipient gets this, shown at the bottom ("You asked to reset your password."). */
  reason: string;
}

export interface MailParts {
  text: string;
  html: string;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text as HTML content or as a double-quoted attribute value. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/**
 * The plain-text and HTML parts of a message in the app's one layout: its name, the paragraphs, the
 * action link (resolved against `APP_ORIGIN`), and the reason it was sent. Every value is escaped; the
 * only markup is the fixed frame below.
 */
export function renderMail(content: MailContent, appName: string = env().APP_NAME): MailParts {
  const link = content.action ? { label: content.action.label, href: appUrl(content.action.url) } : undefined;
  const text = [
    appName,
    "",
    content.title,
    "",
    ...content.paragraphs.flatMap((paragraph) => [paragraph, ""]),
    ...(link ? [`${link.label}: ${link.href}`, ""] : []),
    "--",
    content.reason,
  ].join("\n");
  const e = escapeHtml;
  const html = [
    "<!doctype html>",
    `<html><head><meta charset="utf-8"><title>${e(content.title)}</title></head>`,
    '<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #111;">',
    `<p style="font-weight: 600;">${e(appName)}</p>`,
    `<h1 style="font-size: 1.25rem;">${e(content.title)}</h1>`,
    ...content.paragraphs.map((paragraph) => `<p>${e(paragraph)}</p>`),
    ...(link
      ? [
          `<p><a href="${e(link.href)}" style="display: inline-block; padding: 0.5rem 1rem; background: #111; color: #fff; text-decoration: none; border-radius: 0.375rem;">${e(link.label)}</a></p>`,
          `<p style="font-size: 0.875rem;">Or open this link: <a href="${e(link.href)}">${e(link.href)}</a></p>`,
        ]
      : []),
    `<hr><p style="font-size: 0.875rem; color: #555;">${e(content.reason)}</p>`,
    "</body></html>",
  ].join("\n");
  return { text, html };
}

/** A whole message to `to`: the title is the subject. */
export function composeMail(to: string, content: MailContent, appName: string = env().APP_NAME): OutgoingMail {
  return { to, subject: `${content.title} (${appName})`, reason: content.reason, ...renderMail(content, appName) };
}
