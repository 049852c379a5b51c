import { describe, expect, it } from "vitest";
import { appUrl } from "./app-url";
import { composeMail, escapeHtml, renderMail } from "./mail-layout";

const origin = "https://gate.example.com";

describe("appUrl", () => {
  it("resolves paths against the app's origin and refuses to leave it", () => {
    expect(appUrl("/reset-password?token=abc", origin)).toBe("https://gate.example.com/reset-password?token=abc");
    expect(() => appUrl("https://evil.example/", origin)).toThrow();
    expect(() => appUrl("//evil.example/x", origin)).toThrow();
  });
});

describe("renderMail", () => {
  const content = {
    title: "Reset your password",
    paragraphs: ['Someone (hopefully you) asked <b>"reset"</b> & more.'],
    action: { label: "Choose a new password", url: "/reset-password?token=a&b=<c>" },
    reason: "You asked to reset the password of your account.",
  };

  it("has a text part with the app's name, the link and the reason", () => {
    const { text } = renderMail(content, "Iron Gate");
    expect(text).toContain("Iron Gate");
    expect(text).toContain('Someone (hopefully you) asked <b>"reset"</b> & more.');
    expect(text).toContain("Choose a new password: http://localhost:3000/reset-password?token=a&b=%3Cc%3E");
    expect(text).toContain(content.reason);
  });

  it("escapes every value in the HTML part, the app's name included", () => {
    const { html } = renderMail(content, "Gate <script>");
    expect(html).not.toContain("<b>");
    expect(html).not.toContain("<script>");
    expect(html).toContain("Gate &lt;script&gt;");
    expect(html).toContain("&lt;b&gt;&quot;reset&quot;&lt;/b&gt; &amp; more.");
    expect(html).toContain('href="http://localhost:3000/reset-password?token=a&amp;b=%3Cc%3E"');
    expect(html).toContain(content.reason);
  });

  it("escapes the five characters that matter, and nothing else", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a> é`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt; é",
    );
  });

  it("composes a whole message: subject, both parts, reason", () => {
    const mail = composeMail("a@example.com", { title: "Hello", paragraphs: ["Hi."], reason: "Because." }, "Gate");
    expect(mail).toMatchObject({ to: "a@example.com", subject: "Hello (Gate)", reason: "Because." });
    expect(mail.text).toContain("Hi.");
    expect(mail.html).toContain("<p>Hi.</p>");
  });
});
