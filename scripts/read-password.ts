import { createInterface } from "node:readline";
import { Writable } from "node:stream";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

/** Hidden prompt on a terminal (typed characters are not echoed); the first line of stdin otherwise. */
export async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) return readStdin();
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  process.stderr.write(prompt);
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  const password = await new Promise<string>((resolve) => rl.question("", resolve));
  rl.close();
  process.stderr.write("\n");
  return password;
}
