import { signIn } from "./fixtures";
import type { LoadOptions } from "./load";
import {
  hashRate,
  type MemoryPoint,
  memoryCurve,
  revocationDelay,
  type StormRound,
  signInRate,
  signInTarget,
  stormRound,
} from "./phases";
import type { Scenario } from "./rounds";
import type { Servers } from "./setup";

export interface Extras {
  storms: StormRound[];
  signIns: number[];
  hashes: number[];
  memory: Record<string, MemoryPoint[]>;
  revocations: number[];
}

interface Context {
  servers: Servers;
  byName: (name: string) => Scenario;
  email: string;
  smoke: boolean;
  memorySteps: number[] | null;
  load: LoadOptions;
  say: (line: string) => void;
}

/** D, E, memory and the cross-instance revocation delay: the phases after the throughput rounds. */
export async function extras({ servers, byName, email, smoke, memorySteps, load, say }: Context): Promise<Extras> {
  const { app, minimal, postgres, secret } = servers;
  say("D and E: login storm and sign-in rate");
  process.env.SESSION_SECRET ??= secret;
  const { hashPassword } = await import("@/lib/auth/password-hash");
  const { DEFAULT_POOL_SIZE } = await import("@/lib/auth/hash-pool");
  const signInLoad = signInTarget(app.baseUrl, email);
  const b = byName("B session");
  const result: Extras = { storms: [], signIns: [], hashes: [], memory: {}, revocations: [] };
  for (let round = 0; round < (smoke ? 1 : 3); round++) {
    result.storms.push(await stormRound(b, signInLoad, DEFAULT_POOL_SIZE, load));
    const hash = (): Promise<string> => hashPassword("velvet tractor kiwi orbit lantern");
    result.hashes.push(await hashRate(hash, DEFAULT_POOL_SIZE, load.duration));
    result.signIns.push(await signInRate(signInLoad, DEFAULT_POOL_SIZE, load));
  }
  say("memory");
  const steps = memorySteps ?? (smoke ? [500, 2_000] : [10_000, 100_000]);
  const c = load.connections;
  result.memory = {
    "app B": await memoryCurve(app, b, steps, c),
    "app B'": await memoryCurve(app, byName("B' new cookie"), steps, c),
    "minimal iron-session check": await memoryCurve(minimal, byName("iron-session check"), steps, c),
  };
  if (postgres) {
    const [pg1, pg2] = postgres;
    for (let i = 0; i < (smoke ? 1 : 5); i++) {
      result.revocations.push(await revocationDelay(pg1.baseUrl, pg2.baseUrl, "bench@example.com", signIn));
    }
  }
  return result;
}
