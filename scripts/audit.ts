/**
 * `npm run audit`: CI fails on a high or critical advisory in what we ship (R54).
 * 1. `npm audit --omit=dev`: any high or critical finding fails. Where the registry in use does not serve the
 *    advisory endpoint (some mirrors answer 405), that is said plainly and the run goes on to step 2.
 * 2. Offline floor: `next` must be at least the highest fix version among the advisories R54 lists.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const NEXT_FLOOR = [16, 2, 11] as const; // GHSA-6gpp-xcg3-4w24 and CVE-2026-64642 were fixed in 16.2.11

type AuditReport = { metadata?: { vulnerabilities?: Record<string, number> }; statusCode?: number; message?: string };

function runAudit(): AuditReport {
  try {
    return JSON.parse(execFileSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8" })) as AuditReport;
  } catch (error) {
    // npm audit exits non-zero when it finds something; its JSON is still on stdout.
    const stdout = (error as { stdout?: string }).stdout ?? "";
    return JSON.parse(stdout || "{}") as AuditReport;
  }
}

function atLeast(version: string, floor: readonly number[]): boolean {
  const parts = version.split(/[.-]/).map(Number);
  for (let i = 0; i < floor.length; i++) {
    const part = parts[i] ?? 0;
    const min = floor[i] ?? 0;
    if (part !== min) return part > min;
  }
  return true;
}

let failed = false;
const report = runAudit();
const counts = report.metadata?.vulnerabilities;
if (counts) {
  const serious = (counts.high ?? 0) + (counts.critical ?? 0);
  console.log(`npm audit --omit=dev: ${JSON.stringify(counts)}`);
  if (serious > 0) {
    console.error(
      `npm audit: ${serious} high or critical advisories in production dependencies (npm audit --omit=dev)`,
    );
    failed = true;
  }
} else {
  console.warn(
    `npm audit: the registry did not answer the advisory query (${report.message ?? "no report"}); not checked here`,
  );
}

const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as {
  packages: Record<string, { version?: string }>;
};
const next = lock.packages["node_modules/next"]?.version ?? "0";
if (atLeast(next, NEXT_FLOOR))
  console.log(`next ${next}: at or above ${NEXT_FLOOR.join(".")}, every advisory fix in R54`);
else {
  console.error(`next ${next} is below ${NEXT_FLOOR.join(".")}: upgrade (R54)`);
  failed = true;
}
process.exit(failed ? 1 : 0);
