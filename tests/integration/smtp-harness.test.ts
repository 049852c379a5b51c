import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkTo, mailTo, type SmtpHarness, startSmtpServer, waitForMail } from "../support/smtp";

// The harness itself: real SMTP in, parsed messages out, and down/up on the same port.
describe("the SMTP test harness", () => {
  let smtp: SmtpHarness;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await smtp?.stop();
  });

  const send = (to: string, token: string) =>
    nodemailer.createTransport(smtp.url).sendMail({
      from: "gate@example.com",
      to,
      subject: "Reset",
      text: `Open http://localhost:3000/reset-password?token=${token}`,
      html: `<p><a href="http://localhost:3000/reset-password?token=${token}&amp;x=1">Reset</a></p>`,
    });

  it("receives a message, parses it and finds its links", async () => {
    await send("Harness@Example.com", "abc");
    const mail = await waitForMail(smtp.spoolDir, "harness@example.com");
    expect(mail.subject).toBe("Reset");
    expect(linkTo(mail, "/reset-password").searchParams.get("token")).toBe("abc");
    expect(mail.links).toContain("http://localhost:3000/reset-password?token=abc&x=1");
  });

  it("refuses connections while stopped and takes mail again once started", async () => {
    await smtp.stop();
    await expect(send("down@example.com", "one")).rejects.toThrow();
    await smtp.start();
    await send("down@example.com", "two");
    await waitForMail(smtp.spoolDir, "down@example.com");
    expect(
      mailTo(smtp.spoolDir, "down@example.com").map((mail) =>
        linkTo(mail, "/reset-password").searchParams.get("token"),
      ),
    ).toEqual(["two"]);
  });
});
