import type { MemoryPoint, StormRound } from "./phases";
import type { Meta, Results } from "./report";
import type { RoundSamples } from "./rounds";
import { type Figure, figure, ratio } from "./stats";
import { checkTargets } from "./targets";

export interface Raw {
  meta: Meta;
  samples: RoundSamples;
  storms: StormRound[];
  signIns: number[];
  hashes: number[];
  memory: Record<string, MemoryPoint[]>;
  revocations: number[];
}

/** [ratio name, numerator scenario, denominator scenario]: both measured in the same rounds. */
const RATIOS: [string, string, string][] = [
  ["A / bare route", "A health", "bare route"],
  ["B / iron-session check", "B session", "iron-session check"],
  ["B / A", "B session", "A health"],
  ["B' / iron-session check", "B' new cookie", "iron-session check"],
  ["C / bare page", "C private", "bare page"],
  ["C' / bare page", "C' signed out", "bare page"],
  ["PG B 2 instances / B", "PG B 2 instances", "B session"],
  ["PG B 1 instance / B", "PG B 1 instance", "B session"],
  ["PG C 2 instances / C", "PG C 2 instances", "C private"],
];

const BASELINE = " (baseline)";

const last = (points: MemoryPoint[] | undefined): MemoryPoint | undefined => points?.[points.length - 1];

/** The larger relative RSS growth between the first and the last point of the app's curves. */
function rssGrowth(memory: Record<string, MemoryPoint[]>): number {
  const growths = ["app B", "app B'"].map((name) => {
    const points = memory[name];
    const first = points?.[0]?.memory.rss;
    const final = last(points)?.memory.rss;
    return first && final ? (final - first) / first : Number.NaN;
  });
  return Math.max(...growths);
}

function heapOverMinimal(memory: Record<string, MemoryPoint[]>): number {
  const app = Math.max(...["app B", "app B'"].map((name) => last(memory[name])?.memory.heapUsed ?? Number.NaN));
  const floor = last(memory["minimal iron-session check"])?.memory.heapUsed ?? Number.NaN;
  return app / floor;
}

/** Medians, spreads and ratios of one run, and the verdict on every target. */
export function collect(raw: Raw): Results {
  const of = (pick: (s: { rps: number; p50: number; p99: number }) => number): Record<string, Figure> =>
    Object.fromEntries(Object.entries(raw.samples).map(([name, list]) => [name, figure(list.map(pick))]));
  const rpsOf = (name: string): number[] => (raw.samples[name] ?? []).map((s) => s.rps);
  // With --baseline: every scenario of this build over the same scenario of the baseline's.
  const beforeAfter: [string, string, string][] = Object.keys(raw.samples)
    .filter((name) => name.endsWith(BASELINE))
    .map((name) => [`${name.slice(0, -BASELINE.length)} / baseline`, name.slice(0, -BASELINE.length), name]);
  const ratios = Object.fromEntries(
    [...RATIOS, ...beforeAfter]
      .filter(([, a, b]) => raw.samples[a] && raw.samples[b])
      .map(([name, a, b]) => [name, ratio(rpsOf(a), rpsOf(b))]),
  );
  const p50 = of((s) => s.p50);
  const p99 = of((s) => s.p99);
  const storm = {
    idleP99: figure(raw.storms.map((r) => r.idle.p99)),
    stormP99: figure(raw.storms.map((r) => r.storm.p99)),
    ratio: ratio(
      raw.storms.map((r) => r.storm.p99),
      raw.storms.map((r) => r.idle.p99),
    ),
    signInsDuringStorm: figure(raw.storms.map((r) => r.signIns.rps)),
  };
  const signIn = { rate: figure(raw.signIns), hashRate: figure(raw.hashes), ratio: ratio(raw.signIns, raw.hashes) };
  const revocationMs = raw.revocations.length ? figure(raw.revocations) : null;
  const median = (name: string): number => ratios[name]?.median ?? Number.NaN;
  const targets = checkTargets({
    aOverBareRoute: median("A / bare route"),
    bOverNaive: median("B / iron-session check"),
    bOverA: median("B / A"),
    cOverBarePage: median("C / bare page"),
    stormP99OverIdle: storm.ratio.median,
    signInOverHashRate: signIn.ratio.median,
    idleP99OverP50: (p99["B session"]?.median ?? Number.NaN) / (p50["B session"]?.median ?? Number.NaN),
    rssGrowth: rssGrowth(raw.memory),
    heapOverMinimal: heapOverMinimal(raw.memory),
    postgresBOverSqlite: ratios["PG B 2 instances / B"]?.median ?? null,
    // The slowest of the rounds: the promise is "within one second", every time.
    revocationMs: revocationMs?.max ?? null,
  });
  return {
    meta: raw.meta,
    throughput: of((s) => s.rps),
    p50,
    p99,
    ratios,
    storm,
    signIn,
    memory: raw.memory,
    revocationMs,
    targets,
  };
}
