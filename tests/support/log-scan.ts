import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");

function files(dir: string, ending: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path, ending);
    return entry.name.endsWith(ending) ? [path] : [];
  });
}

/** Every password the test sources use: `password: "…"`-style fields and `…PASSWORD = "…"` constants. */
export function passwordsUsedInTests(): string[] {
  const found = new Set<string>();
  const pattern = /(?:[pP]assword["']?\s*[:=]\s*|PASSWORD\s*=\s*)"([^"\n]{8,})"/g;
  for (const file of files(join(root, "tests"), ".ts")) {
    for (const match of readFileSync(file, "utf8").matchAll(pattern)) {
      if (match[1] && !match[1].includes("${")) found.add(match[1]);
    }
  }
  return [...found];
}

/** Server logs written since `since` under .tmp (the shared server's and every dedicated one's). */
export function serverLogsSince(since: number): string[] {
  return files(join(root, ".tmp"), "server.log").filter((file) => statSync(file).mtimeMs >= since);
}

/**
 * R45 and the hardening issue's item 11: no password and no seal from the test run may appear in any
 * server log. Returns one line per leak found.
 */
export function findSecretsInLogs(logFiles: string[], passwords: string[]): string[] {
  const leaks: string[] = [];
  for (const file of logFiles) {
    const text = readFileSync(file, "utf8");
    if (text.includes("Fe26.2*")) leaks.push(`${file}: contains a sealed session cookie`);
    for (const password of passwords)
      if (text.includes(password)) leaks.push(`${file}: contains the password "${password}"`);
  }
  return leaks;
}
