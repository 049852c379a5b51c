import { createInterface } from "node:readline";
import { Writable } from "node:stream";

/** The first line of stdin, without its line ending (a password never contains one). */
async function readFirstLine(): Promise<string> {
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return "";
}

/** Hidden prompt on a terminal (typed characters are not echoed); the first line of stdin otherwise. */
export async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) return readFirstLine();
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  process.stderr.write(prompt);
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  try {
    return await new Promise<string>((resolve, reject) => {
      rl.question("", resolve);
      // Ctrl-C or Ctrl-D at the prompt: no password, a clean refusal.
      rl.once("close", () => reject(new Error("no password given")));
      rl.once("SIGINT", () => reject(new Error("cancelled")));
    });
  } finally {
    rl.close();
    process.stderr.write("\n");
  }
}
