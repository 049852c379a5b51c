import { createInterface, type Interface } from "node:readline";
import { Writable } from "node:stream";
import { confirmEntries, entryFromLine, type PasswordEntry } from "./password-entry";

/** The first line of stdin, without its line ending (a password never contains one); "" when there is none. */
async function readFirstLine(): Promise<string> {
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return "";
}

class Cancelled extends Error {}

/** One hidden answer; Ctrl-C or Ctrl-D at the prompt closes the interface: no password, a clean refusal. */
function askHidden(rl: Interface, prompt: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const onClose = (): void => reject(new Cancelled());
    rl.once("close", onClose);
    process.stderr.write(prompt);
    rl.question("", (answer) => {
      rl.off("close", onClose);
      process.stderr.write("\n");
      resolve(answer);
    });
  });
}

/** Asks twice on the terminal, typed characters not echoed, through one interface (no keystroke is lost). */
async function promptTwice(prompt: string): Promise<PasswordEntry> {
  // Created before the prompt is shown, so the terminal is already in raw mode (no echo) when typing starts.
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  rl.on("SIGINT", () => rl.close());
  try {
    const first = await askHidden(rl, prompt);
    return confirmEntries(first, await askHidden(rl, "Type it again: "));
  } catch (error) {
    if (error instanceof Cancelled) return { ok: false, reason: "cancelled" };
    throw error;
  } finally {
    rl.close();
  }
}

/** A new password: asked twice on a terminal (hidden), the first line of stdin otherwise. */
export async function readNewPassword(prompt: string): Promise<PasswordEntry> {
  return process.stdin.isTTY ? promptTwice(prompt) : entryFromLine(await readFirstLine());
}
