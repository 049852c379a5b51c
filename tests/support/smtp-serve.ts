import { startSmtpServer } from "./smtp";

// The SMTP harness as a process of its own, for Playwright's webServer list (playwright.config.ts):
// SMTP_PORT to listen on, SMTP_SPOOL the directory the specs read messages from (smtp.ts `waitForMail`).
const port = Number(process.env.SMTP_PORT);
const spool = process.env.SMTP_SPOOL;
if (!Number.isInteger(port) || port <= 0 || !spool) throw new Error("set SMTP_PORT and SMTP_SPOOL");
const smtp = await startSmtpServer(spool, port);
console.log(`SMTP harness on ${smtp.url}, spooling to ${smtp.spoolDir}`);
// The harness never keeps a process alive by itself (smtp.ts); this one exists only to serve.
setInterval(() => {}, 1 << 30);
