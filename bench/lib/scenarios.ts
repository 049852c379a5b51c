import { cycle, freshCookies, type SignedIn, signUp } from "./fixtures";
import type { Target } from "./load";
import type { Scenario } from "./rounds";
import type { Servers } from "./setup";

const get = (url: string, expect = 200, cookie?: string): Target => ({
  url,
  expect,
  headers: cookie ? { cookie } : {},
});

/** A, B, B', C, C' against one build of the app, names suffixed (`B session (baseline)`). */
async function appScenarios(baseUrl: string, user: SignedIn, fresh: string[], suffix: string): Promise<Scenario[]> {
  return [
    { name: `A health${suffix}`, targets: [get(`${baseUrl}/api/health`)] },
    { name: `B session${suffix}`, targets: [get(`${baseUrl}/api/sessions`, 200, user.cookie)] },
    {
      name: `B' new cookie${suffix}`,
      targets: [{ url: `${baseUrl}/api/sessions`, expect: 200, nextCookie: cycle(fresh) }],
    },
    { name: `C private${suffix}`, targets: [get(`${baseUrl}/private`, 200, user.cookie)] },
    { name: `C' signed out${suffix}`, targets: [get(`${baseUrl}/private`, 307)] },
  ];
}

export interface Plan {
  scenarios: Scenario[];
  user: SignedIn;
  byName: (name: string) => Scenario;
}

/** Every scenario of the rounds: floors, the app, the baseline build if any, PostgreSQL if measured. */
export async function plan(servers: Servers, freshCount: number, email: string): Promise<Plan> {
  const { minimal, app, baseline, postgres, secret } = servers;
  const user = await signUp(app.baseUrl, email);
  const fresh = await freshCookies(user, secret, freshCount);
  const scenarios: Scenario[] = [
    { name: "bare route", targets: [get(`${minimal.baseUrl}/api/bare`)] },
    { name: "bare page", targets: [get(`${minimal.baseUrl}/`)] },
    { name: "iron-session check", targets: [get(`${minimal.baseUrl}/api/session`, 200, user.cookie)] },
    ...(await appScenarios(app.baseUrl, user, fresh, "")),
  ];
  if (baseline) {
    const baseUser = await signUp(baseline.baseUrl, email);
    const baseFresh = await freshCookies(baseUser, secret, freshCount);
    scenarios.push(...(await appScenarios(baseline.baseUrl, baseUser, baseFresh, " (baseline)")));
  }
  if (postgres) {
    const [pg1, pg2] = postgres;
    const { cookie } = await signUp(pg1.baseUrl, email);
    const both = (path: string): Target[] => [pg1, pg2].map((s) => get(`${s.baseUrl}${path}`, 200, cookie));
    scenarios.push(
      { name: "PG B 1 instance", targets: [get(`${pg1.baseUrl}/api/sessions`, 200, cookie)] },
      { name: "PG B 2 instances", targets: both("/api/sessions") },
      { name: "PG C 1 instance", targets: [get(`${pg1.baseUrl}/private`, 200, cookie)] },
      { name: "PG C 2 instances", targets: both("/private") },
    );
  }
  const byName = (name: string): Scenario => {
    const found = scenarios.find((s) => s.name === name);
    if (!found) throw new Error(`no scenario ${name}`);
    return found;
  };
  return { scenarios, user, byName };
}
