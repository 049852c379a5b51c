import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { MemoryPoint } from "./phases";
import type { Figure } from "./stats";
import type { TargetResult } from "./targets";

export interface Meta {
  date: string;
  commit: string;
  node: string;
  machine: string;
  cpus: number;
  loadAverage: number[];
  mode: "full" | "smoke";
  rounds: number;
  secondsPerRun: number;
  connections: number;
}

export interface Results {
  meta: Meta;
  /** Requests per second, per scenario. */
  throughput: Record<string, Figure>;
  /** Latency (ms), per scenario. */
  p50: Record<string, Figure>;
  p99: Record<string, Figure>;
  ratios: Record<string, Figure>;
  storm: { idleP99: Figure; stormP99: Figure; ratio: Figure; signInsDuringStorm: Figure };
  signIn: { rate: Figure; hashRate: Figure; ratio: Figure };
  memory: Record<string, MemoryPoint[]>;
  revocationMs: Figure | null;
  targets: TargetResult[];
}

const n = (value: number, digits = 0): string => (Number.isFinite(value) ? value.toFixed(digits) : "n/a");
const spread = (f: Figure, digits = 0): string => `${n(f.median, digits)} (${n(f.min, digits)}-${n(f.max, digits)})`;
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/** The Markdown report (also what the terminal shows). */
export function markdown(results: Results): string {
  const { meta } = results;
  const lines = [
    `# Iron Gate bench, ${meta.date} (${meta.mode})`,
    "",
    `Commit ${meta.commit}, Node ${meta.node}, ${meta.machine}, ${meta.cpus} CPUs, load average ${meta.loadAverage.map((l) => l.toFixed(2)).join(" ")}; ${meta.rounds} interleaved rounds of ${meta.secondsPerRun} s, ${meta.connections} connections, autocannon on loopback. Medians (lowest-highest round).`,
    "",
    "| scenario | req/s | p50 ms | p99 ms |",
    "| --- | --- | --- | --- |",
    ...Object.keys(results.throughput).map(
      (name) =>
        `| ${name} | ${spread(results.throughput[name] as Figure)} | ${spread(results.p50[name] as Figure, 1)} | ${spread(results.p99[name] as Figure, 1)} |`,
    ),
    "",
    "| ratio (same rounds) | median (spread) |",
    "| --- | --- |",
    ...Object.entries(results.ratios).map(([name, f]) => `| ${name} | ${spread(f, 2)} |`),
    "",
    `D: B's p99 idle ${spread(results.storm.idleP99, 1)} ms, under the login storm ${spread(results.storm.stormP99, 1)} ms (ratio ${spread(results.storm.ratio, 2)}), ${spread(results.storm.signInsDuringStorm, 1)} sign-ins/s meanwhile.`,
    `E: ${spread(results.signIn.rate, 1)} sign-ins/s against an isolated hash rate of ${spread(results.signIn.hashRate, 1)}/s (ratio ${spread(results.signIn.ratio, 2)}).`,
    results.revocationMs
      ? `Revocation across two PostgreSQL instances: ${spread(results.revocationMs, 1)} ms from the sign-out's answer to the refusal.`
      : "PostgreSQL not measured.",
    "",
    "| memory | requests | RSS | live heap after GC |",
    "| --- | --- | --- | --- |",
    ...Object.entries(results.memory).flatMap(([name, points]) =>
      points.map((p) => `| ${name} | ${p.requests} | ${mb(p.memory.rss)} | ${mb(p.memory.heapUsed)} |`),
    ),
    "",
    "| target | measured | limit | |",
    "| --- | --- | --- | --- |",
    ...results.targets.map(
      (t) =>
        `| ${t.label} | ${t.value === null ? "not measured" : n(t.value, 2)} | ${t.comparison} ${t.limit} | ${t.met ? "met" : "**MISSED**"} |`,
    ),
    "",
  ];
  return lines.join("\n");
}

/** Writes `<stem>.json` and `<stem>.md` into `dir`. */
export function writeResults(dir: string, stem: string, results: Results): void {
  writeFileSync(join(dir, `${stem}.json`), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(dir, `${stem}.md`), markdown(results));
}
