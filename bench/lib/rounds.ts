import { type LoadOptions, load, type Sample, type Target } from "./load";
import { rotated } from "./stats";

/** A scenario: one target, or several loaded at once (two instances), whose throughputs add up. */
export interface Scenario {
  name: string;
  targets: Target[];
}

/** Loads every target of the scenario at once, connections split between them. */
export async function run(scenario: Scenario, options: LoadOptions): Promise<Sample> {
  const share = Math.max(1, Math.round(options.connections / scenario.targets.length));
  const samples = await Promise.all(scenario.targets.map((target) => load(target, { ...options, connections: share })));
  return {
    rps: samples.reduce((sum, s) => sum + s.rps, 0),
    p50: Math.max(...samples.map((s) => s.p50)),
    p99: Math.max(...samples.map((s) => s.p99)),
    requests: samples.reduce((sum, s) => sum + s.requests, 0),
    wrong: samples.reduce((sum, s) => sum + s.wrong, 0),
  };
}

export type RoundSamples = Record<string, Sample[]>;

/**
 * `rounds` rounds of every scenario, the order rotated each round (floors and app interleaved), after one
 * short warm-up run of each. A wrong answer (a status other than the expected) is an error, not a number.
 */
export async function interleaved(
  scenarios: Scenario[],
  rounds: number,
  options: LoadOptions,
  progress: (line: string) => void,
): Promise<RoundSamples> {
  const samples: RoundSamples = Object.fromEntries(scenarios.map((s) => [s.name, []]));
  for (const scenario of scenarios) await run(scenario, { ...options, duration: 1 });
  for (let round = 0; round < rounds; round++) {
    for (const scenario of rotated(scenarios, round)) {
      const sample = await run(scenario, options);
      if (sample.wrong > 0) throw new Error(`${scenario.name}: ${sample.wrong} of ${sample.requests} answers wrong`);
      samples[scenario.name]?.push(sample);
    }
    progress(`round ${round + 1}/${rounds} done`);
  }
  return samples;
}
