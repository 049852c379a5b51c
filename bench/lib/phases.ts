import { jsonPost, PASSWORD } from "./fixtures";
import { type LoadOptions, load, type Sample, type Target } from "./load";
import { run, type Scenario } from "./rounds";
import type { BenchServer, Memory } from "./servers";

export interface StormRound {
  idle: Sample;
  storm: Sample;
  signIns: Sample;
}

export function signInTarget(baseUrl: string, email: string): Target {
  const init = jsonPost(baseUrl, { email, password: PASSWORD });
  return {
    url: `${baseUrl}/api/sessions`,
    method: "POST",
    headers: init.headers as Record<string, string>,
    body: String(init.body),
    expect: 200,
  };
}

/** D: B idle, then B while sign-ins keep every hashing worker busy (and a queue behind them). */
export async function stormRound(
  b: Scenario,
  signIn: Target,
  poolSize: number,
  options: LoadOptions,
): Promise<StormRound> {
  const idle = await run(b, options);
  const storm = load(signIn, { ...options, connections: poolSize * 2, duration: options.duration + 1 });
  const underStorm = await run(b, options);
  return { idle, storm: underStorm, signIns: await storm };
}

/** E: sign-ins per second with nothing else running, answers 200 only. */
export async function signInRate(signIn: Target, poolSize: number, options: LoadOptions): Promise<number> {
  const sample = await load(signIn, { ...options, connections: poolSize * 2 });
  if (sample.wrong > 0) throw new Error(`sign-in: ${sample.wrong} of ${sample.requests} answers were not 200`);
  return sample.rps;
}

/** The hash pool's isolated rate: `poolSize` workers kept busy in this process for `seconds`. */
export async function hashRate(hash: () => Promise<unknown>, poolSize: number, seconds: number): Promise<number> {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (performance.now() < until) {
      await hash();
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: poolSize * 2 }, worker));
  return done / ((performance.now() - started) / 1000);
}

export interface MemoryPoint {
  requests: number;
  memory: Memory;
}

/** Memory after `steps` cumulative requests of one scenario (e.g. 10k then 100k). */
export async function memoryCurve(
  server: BenchServer,
  scenario: Scenario,
  steps: number[],
  connections: number,
): Promise<MemoryPoint[]> {
  const points: MemoryPoint[] = [];
  let sent = 0;
  for (const step of steps) {
    await run(scenario, { connections, duration: 0, amount: step - sent });
    sent = step;
    points.push({ requests: step, memory: await server.memory() });
  }
  return points;
}

/**
 * How long until a session signed out on `first` is refused on `second` (ms): sign in on the first, see it
 * accepted on the second, sign out on the first, poll the second.
 */
export async function revocationDelay(
  first: string,
  second: string,
  email: string,
  signIn: (url: string, email: string) => Promise<string>,
): Promise<number> {
  const cookie = await signIn(first, email);
  const status = (): Promise<{ user: unknown }> =>
    fetch(`${second}/api/sessions`, { headers: { cookie } }).then((r) => r.json() as Promise<{ user: unknown }>);
  if ((await status()).user === null) throw new Error("the new session is not accepted on the second instance");
  const signedOut = performance.now();
  const out = await fetch(`${first}/api/sessions`, { method: "DELETE", headers: { cookie, origin: first } });
  if (!out.ok) throw new Error(`sign-out answered ${out.status}`);
  for (;;) {
    if ((await status()).user === null) return performance.now() - signedOut;
    if (performance.now() - signedOut > 10_000) throw new Error("the sign-out was not refused within 10 s");
  }
}
