import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { build, ROOT } from "./servers";

/**
 * `--baseline=<git ref>`: the app as it was at `ref`, exported (git archive, no worktree) into
 * .tmp/bench-baseline-<ref>, with a hard-linked copy of node_modules, and built there. The bench then loads
 * it in the same rounds as the current build, so a change's effect is a ratio measured in one run.
 * Returns the directory `next start` serves it from.
 */
export async function prepareBaseline(ref: string, logFile: string): Promise<string> {
  const commit = execFileSync("git", ["rev-parse", "--short", ref], { cwd: ROOT }).toString().trim();
  const dir = join(ROOT, ".tmp", `bench-baseline-${commit}`);
  if (existsSync(join(dir, ".next", "BUILD_ID"))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync("sh", ["-c", `git archive ${commit} | tar -x -C '${dir}'`], { cwd: ROOT });
  execFileSync("cp", ["-al", join(ROOT, "node_modules"), join(dir, "node_modules")]);
  await build(".", logFile, dir);
  return dir;
}
