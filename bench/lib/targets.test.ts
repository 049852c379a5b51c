import { describe, expect, it } from "vitest";
import { figure, median, ratio, rotated } from "./stats";
import { checkTargets, type TargetInput } from "./targets";

const good: TargetInput = {
  aOverBareRoute: 0.95,
  bOverNaive: 1.3,
  bOverA: 0.92,
  cOverBarePage: 0.85,
  stormP99OverIdle: 1.2,
  signInOverHashRate: 0.95,
  idleP99OverP50: 2,
  rssGrowth: 0.05,
  heapOverMinimal: 1.4,
  postgresBOverSqlite: 0.9,
  revocationMs: 20,
};

describe("bench targets", () => {
  it("are all met by figures inside every limit", () => {
    expect(checkTargets(good).every((target) => target.met)).toBe(true);
  });

  it("miss a figure on the wrong side of its limit, in either direction", () => {
    const missed = checkTargets({ ...good, bOverNaive: 0.72, stormP99OverIdle: 1.6 }).filter((t) => !t.met);
    expect(missed.map((t) => t.id)).toEqual(["B", "D"]);
  });

  it("count a figure that was not measured as missed", () => {
    const missed = checkTargets({ ...good, postgresBOverSqlite: null, heapOverMinimal: Number.NaN });
    expect(missed.filter((t) => !t.met).map((t) => t.id)).toEqual(["heap", "PG"]);
  });
});

describe("bench statistics", () => {
  it("take medians of odd and even counts", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(figure([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5, rounds: 3 });
  });

  it("pair ratios round by round", () => {
    expect(ratio([10, 20, 30], [10, 10, 10]).median).toBe(2);
  });

  it("rotate the scenario order every round", () => {
    expect(rotated(["a", "b", "c"], 1)).toEqual(["b", "c", "a"]);
    expect(rotated(["a", "b", "c"], 3)).toEqual(["a", "b", "c"]);
  });
});
