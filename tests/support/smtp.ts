import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server for the tests (issue 12 §5): `smtp-server` on a free loopback port, every message
 * parsed with `mailparser`. Each message is written as one JSON file into the harness's spool directory,
 * so a test reads mail the same way whichever process received it: the integration project's shared app
 * server is started (in a vitest globalSetup process) with the default harness of that process, and its
 * spool directory reaches the test workers as `inject("mailDir")` (integration-server.ts); a test that
 * starts its own app server and harness reads that harness's `spoolDir`. `stop()` and `start()` take the
 * server down and bring it back on the same port (the SMTP-down tests).
 */
export interface ReceivedMail {
  /** Envelope recipients. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  /** Every http(s) link of the HTML part (hrefs) and the text part, without duplicates. */
  links: string[];
  messageId: string;
  receivedAt: number;
}

export interface SmtpHarness {
  /** `smtp://127.0.0.1:<port>`: for the app's `SMTP_URL`. */
  url: string;
  port: number;
  spoolDir: string;
  /** Takes the server down: connections are refused until `start()`. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

const TMP = resolve(import.meta.dirname, "../../.tmp");

const linksIn = (text: string, html: string): string[] => {
  const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((match) => (match[1] ?? "").replaceAll("&amp;", "&"));
  const bare = [...text.matchAll(/https?:\/\/[^\s<>"]+/g)].map((match) => match[0]);
  return [...new Set([...hrefs, ...bare].filter((link) => /^https?:\/\//.test(link)))];
};

function spool(dir: string, mail: ReceivedMail): void {
  // Written under another name, then renamed: a reader never sees half a file.
  const name = `${mail.receivedAt}-${Math.random().toString(36).slice(2)}.json`;
  writeFileSync(join(dir, `.${name}`), JSON.stringify(mail));
  renameSync(join(dir, `.${name}`), join(dir, name));
}

function createServer(spoolDir: string): SMTPServer {
  return new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth: (_auth, _session, callback) => callback(null, { user: "test" }),
    onData: (stream, session, callback) => {
      simpleParser(stream)
        .then((parsed) => {
          const text = parsed.text ?? "";
          const html = typeof parsed.html === "string" ? parsed.html : "";
          spool(spoolDir, {
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            subject: parsed.subject ?? "",
            text,
            html,
            links: linksIn(text, html),
            messageId: parsed.messageId ?? "",
            receivedAt: Date.now(),
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
}

/** Listens on `port` (0: a free one) and returns the port; the server never keeps a test process alive. */
async function listen(server: SMTPServer, port: number): Promise<number> {
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => done());
  });
  server.server.unref();
  const address = server.server.address();
  if (typeof address !== "object" || address === null) throw new Error("the SMTP server has no port");
  return address.port;
}

/** Starts a harness; its spool directory is new unless `spoolDir` is given; on a free port unless `port` is. */
export async function startSmtpServer(spoolDir?: string, wantedPort = 0): Promise<SmtpHarness> {
  mkdirSync(TMP, { recursive: true });
  const dir = spoolDir ?? mkdtempSync(join(TMP, "smtp-"));
  mkdirSync(dir, { recursive: true });
  let server: SMTPServer | null = createServer(dir);
  const port = await listen(server, wantedPort);
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    spoolDir: dir,
    stop: async () => {
      const running = server;
      server = null;
      if (running) await new Promise<void>((done) => running.close(() => done()));
    },
    start: async () => {
      if (server) return;
      server = createServer(dir);
      await listen(server, port);
    },
  };
}

let shared: Promise<SmtpHarness> | undefined;

/** One harness per test process, for app servers started without an `SMTP_URL` of their own (app-server.ts). */
export function defaultSmtpServer(): Promise<SmtpHarness> {
  shared ??= startSmtpServer();
  return shared;
}

/** Every message received so far, oldest first. */
export function receivedMail(spoolDir: string): ReceivedMail[] {
  return readdirSync(spoolDir)
    .filter((name) => name.endsWith(".json") && !name.startsWith("."))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(spoolDir, name), "utf8")) as ReceivedMail);
}

/** The messages to `address` (any case), oldest first, that `matching` accepts. */
export function mailTo(
  spoolDir: string,
  address: string,
  matching: (mail: ReceivedMail) => boolean = () => true,
): ReceivedMail[] {
  const wanted = address.toLowerCase();
  return receivedMail(spoolDir).filter((mail) => mail.to.includes(wanted) && matching(mail));
}

/** Waits for the first message to `address` that `matching` accepts (20 s by default: the machine is slow). */
export async function waitForMail(
  spoolDir: string,
  address: string,
  {
    matching = () => true,
    timeoutMs = 20_000,
  }: { matching?: (mail: ReceivedMail) => boolean; timeoutMs?: number } = {},
): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = mailTo(spoolDir, address, matching)[0];
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no message to ${address} within ${timeoutMs} ms`);
    await sleep(100);
  }
}

/** The one link of `mail` whose path is `path` (such as `/reset-password`). */
export function linkTo(mail: ReceivedMail, path: string): URL {
  const link = mail.links.map((href) => new URL(href)).find((url) => url.pathname === path);
  if (!link) throw new Error(`no link to ${path} in "${mail.subject}": ${mail.links.join(", ")}`);
  return link;
}
