/** §2 of issue 14: every target is a ratio measured in the same run. */
export interface TargetInput {
  /** Median per-round ratios. */
  aOverBareRoute: number;
  bOverNaive: number;
  bOverA: number;
  cOverBarePage: number;
  /** B's p99 under the login storm over B's idle p99. */
  stormP99OverIdle: number;
  /** Sign-ins per second over the hash pool's isolated rate. */
  signInOverHashRate: number;
  /** B's idle p99 over its p50. */
  idleP99OverP50: number;
  /** The larger RSS growth from 10k to 100k requests of B and of B', as a fraction. */
  rssGrowth: number;
  /** The app's live heap after 100k requests over the minimal app's. */
  heapOverMinimal: number;
  /** B on two PostgreSQL instances over B on SQLite; null when PostgreSQL was not measured. */
  postgresBOverSqlite: number | null;
  /** Milliseconds until a sign-out on one instance is refused on the other; null when not measured. */
  revocationMs: number | null;
}

export interface TargetResult {
  id: string;
  label: string;
  value: number | null;
  limit: number;
  comparison: ">=" | "<=";
  met: boolean;
}

type Spec = [id: string, label: string, key: keyof TargetInput, comparison: ">=" | "<=", limit: number];

const SPECS: Spec[] = [
  ["A", "A / bare route handler", "aOverBareRoute", ">=", 0.9],
  ["B", "B / plain iron-session check", "bOverNaive", ">=", 1.2],
  ["B/A", "B / A", "bOverA", ">=", 0.9],
  ["C", "C / bare page", "cOverBarePage", ">=", 0.8],
  ["D", "B p99 under login storm / idle", "stormP99OverIdle", "<=", 1.5],
  ["E", "sign-ins / isolated hash rate", "signInOverHashRate", ">=", 0.9],
  ["p99", "B idle p99 / p50", "idleP99OverP50", "<=", 3],
  ["RSS", "RSS growth 10k -> 100k", "rssGrowth", "<=", 0.1],
  ["heap", "live heap / minimal app's", "heapOverMinimal", "<=", 1.5],
  ["PG", "B on 2 PostgreSQL instances / B on SQLite", "postgresBOverSqlite", ">=", 0.8],
  ["revoke", "sign-out refused on the other instance (ms)", "revocationMs", "<=", 1000],
];

/** Which targets are met; one not measured (null, NaN) counts as missed. */
export function checkTargets(input: TargetInput): TargetResult[] {
  return SPECS.map(([id, label, key, comparison, limit]) => {
    const value = input[key];
    const known = value !== null && Number.isFinite(value);
    const met = known && (comparison === ">=" ? value >= limit : value <= limit);
    return { id, label, value: known ? value : null, limit, comparison, met };
  });
}
