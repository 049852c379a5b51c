import type { Readable } from "node:stream";

/** What a child process has printed so far, as text. */
export interface CapturedOutput {
  stdout: string;
  stderr: string;
}

/** Collects everything `child` prints on stdout and stderr, for as long as it runs. */
export function captureOutput(child: { stdout: Readable; stderr: Readable }): CapturedOutput {
  const captured: CapturedOutput = { stdout: "", stderr: "" };
  child.stdout.on("data", (chunk: Buffer) => {
    captured.stdout += chunk.toString("utf8");
  });
  child.stderr.on("data", (chunk: Buffer) => {
    captured.stderr += chunk.toString("utf8");
  });
  return captured;
}
