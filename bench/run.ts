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
import { signIn } from "./lib/fixtures";
import { hashRate, memoryCurve, revocationDelay, signInRate, signInTarget, stormRound } from "./lib/phases";
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
  const { minimal, app, postgres, secret } = servers;
  const load = { connections: 10, duration: smoke ? 1 : 5 };
  const rounds = smoke ? 1 : 10;
  const freshCount = smoke ? 4_000 : 120_000;
  say(`signing up and sealing ${freshCount} distinct cookies for B'`);
  const { scenarios, user, byName } = await plan(servers, freshCount, "bench@example.com");
  say(`${rounds} interleaved rounds of ${scenarios.length} scenarios`);
  const samples = await interleaved(scenarios, rounds, load, say);

  say("D and E: login storm and sign-in rate");
  process.env.SESSION_SECRET ??= secret;
  const { hashPassword } = await import("@/lib/auth/password-hash");
  const { DEFAULT_POOL_SIZE } = await import("@/lib/auth/hash-pool");
  const signInLoad = signInTarget(app.baseUrl, user.email);
  const bScenario = byName("B session");
  const storms = [];
  const signIns: number[] = [];
  const hashes: number[] = [];
  for (let round = 0; round < (smoke ? 1 : 3); round++) {
    storms.push(await stormRound(bScenario, signInLoad, DEFAULT_POOL_SIZE, load));
    hashes.push(
      await hashRate(() => hashPassword("velvet tractor kiwi orbit lantern"), DEFAULT_POOL_SIZE, load.duration),
    );
    signIns.push(await signInRate(signInLoad, DEFAULT_POOL_SIZE, load));
  }

  say("memory");
  const steps = smoke ? [500, 2_000] : [10_000, 100_000];
  const c = load.connections;
  const memory = {
    "app B": await memoryCurve(app, bScenario, steps, c),
    "app B'": await memoryCurve(app, byName("B' new cookie"), steps, c),
    "minimal iron-session check": await memoryCurve(minimal, byName("iron-session check"), steps, c),
  };

  const revocations: number[] = [];
  if (postgres) {
    const [pg1, pg2] = postgres;
    for (let i = 0; i < (smoke ? 1 : 5); i++) {
      revocations.push(await revocationDelay(pg1.baseUrl, pg2.baseUrl, "bench@example.com", signIn));
    }
  }
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
  const results = collect({ meta, samples, storms, signIns, hashes, memory, revocations });
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
