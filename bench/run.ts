/**
 * `npm run bench` (issue 14): the app against floors measured in the same run (a minimal Next.js app of the
 * same version in bench/minimal), interleaved rounds, medians and spread; every target is a ratio. Writes
 * bench/results/latest.{json,md,svg} (and a dated copy) and exits 1 when a target is missed.
 * `--smoke`: a few seconds per scenario, only checks that every scenario runs and gives numbers.
 * `--no-build` reuses the builds; `--no-postgres` skips PostgreSQL; `--cpu-prof[=dir]` profiles the app.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { chart } from "./lib/chart";
import { collect } from "./lib/collect";
import { extras } from "./lib/extras";
import { type Meta, markdown, writeResults } from "./lib/report";
import { interleaved } from "./lib/rounds";
import { plan } from "./lib/scenarios";
import { ROOT } from "./lib/servers";
import { parseArgs, startServers } from "./lib/setup";

const options = parseArgs(process.argv.slice(2));
const { smoke } = options;
const work = mkdtempSync(join(tmpdir(), "iron-gate-bench-"));
const say = (line: string): void => console.log(`[bench] ${line}`);

let postgresDb: { url: string; drop: () => Promise<void> } | null = null;
if (options.postgres) {
  const { createTestDatabase } = await import("../tests/support/postgres");
  postgresDb = await createTestDatabase();
}
say(`building and starting servers (logs in ${work})`);
const servers = await startServers(options, work, postgresDb?.url ?? null);
try {
  const load = { connections: 10, duration: options.seconds ?? (smoke ? 1 : 5) };
  const rounds = options.rounds ?? (smoke ? 1 : 10);
  const freshCount = smoke ? 4_000 : options.throughputOnly ? 30_000 : 120_000;
  say(`signing up and sealing ${freshCount} distinct cookies for B'`);
  const { scenarios, user, byName } = await plan(servers, freshCount, "bench@example.com");
  say(`${rounds} interleaved rounds of ${scenarios.length} scenarios`);
  const samples = await interleaved(scenarios, rounds, load, say);

  const extra = options.throughputOnly
    ? { storms: [], signIns: [], hashes: [], memory: {}, revocations: [] }
    : await extras({ servers, byName, email: user.email, smoke, memorySteps: options.memorySteps, load, say });
  const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT }).toString().trim();
  const meta: Meta = {
    date: new Date().toISOString(),
    commit,
    node: process.versions.node,
    machine: `${cpus()[0]?.model ?? "unknown CPU"}`,
    cpus: availableParallelism(),
    loadAverage: loadavg(),
    mode: smoke ? "smoke" : "full",
    rounds,
    secondsPerRun: load.duration,
    connections: load.connections,
  };
  const results = collect({ meta, samples, ...extra });
  console.log(`\n${markdown(results)}`);
  const dir = smoke ? join(work, "results") : join(ROOT, "bench/results");
  mkdirSync(dir, { recursive: true });
  writeResults(dir, `${meta.date.slice(0, 16).replace(/[:T]/g, "-")}-${commit}`, results);
  writeResults(dir, "latest", results);
  writeFileSync(
    join(dir, "latest.svg"),
    chart(results.targets, `Iron Gate vs floors, ${meta.date.slice(0, 10)} (${commit})`),
  );
  say(`results in ${dir}`);
  const missed = results.targets.filter((t) => !t.met);
  if (smoke) {
    const empty = Object.entries(results.throughput).filter(([, f]) => !(f.median > 0));
    if (empty.length) throw new Error(`scenarios without numbers: ${empty.map(([name]) => name).join(", ")}`);
  } else if (missed.length) {
    say(`MISSED: ${missed.map((t) => t.id).join(", ")}`);
    process.exitCode = 1;
  }
} finally {
  await servers.stopAll();
  await postgresDb?.drop();
}
