import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { isSupportedNode } from "@/lib/config/node-version";
import { bootServer, refusalLines } from "../support/boot-process";

/**
 * Issue 7 §3: `node node_modules/next/dist/bin/next start` with the system's older Node must stop with one
 * line naming Node 24 and `npm run start`, before anything reaches `node:sqlite` (it used to print "Ready",
 * then stack traces, and answer 500). Needs an older `node` on PATH outside node_modules/.bin.
 */
function olderSystemNode(): string | null {
  const candidates = execFileSync("sh", ["-c", "which -a node 2>/dev/null; true"], { encoding: "utf8" })
    .split("\n")
    .concat(["/usr/local/bin/node", "/usr/bin/node"])
    .filter((path) => path !== "" && !path.includes("node_modules"));
  for (const path of candidates) {
    try {
      const version = execFileSync(path, ["-p", "process.versions.node"], { encoding: "utf8" }).trim();
      if (!isSupportedNode(version)) return path;
    } catch {
      // not there, or not runnable
    }
  }
  return null;
}

const oldNode = olderSystemNode();

describe("an old Node", { timeout: 90_000 }, () => {
  it.skipIf(oldNode === null)(
    `is refused in one line (system node: ${oldNode ?? "none older than 24.7 found"})`,
    async () => {
      const outcome = await bootServer("old-node", { node: oldNode ?? "" });
      expect(outcome.kind, `${outcome.stdout}\n${outcome.stderr}`).toBe("exited");
      if (outcome.kind !== "exited") return;
      expect(outcome.code).not.toBe(0);
      expect(outcome.code).not.toBeNull();
      const lines = refusalLines(outcome);
      expect(lines, lines.join("\n")).toHaveLength(1);
      expect(lines[0]).toMatch(/Node 24/);
      expect(lines[0]).toMatch(/npm run start/);
      expect(`${outcome.stdout}${outcome.stderr}`).not.toMatch(/node:sqlite/);
    },
  );
});
