import autocannon from "autocannon";

export interface Target {
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** Status every answer must have; anything else is counted as `wrong`. */
  expect: number;
  /** A different Cookie header for every request (B'): called once per request. */
  nextCookie?: () => string;
}

/** One autocannon run: throughput, latency percentiles (ms) and how many answers were not `expect`. */
export interface Sample {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  wrong: number;
}

export interface LoadOptions {
  connections: number;
  /** Seconds; ignored when `amount` is given. */
  duration: number;
  amount?: number;
}

/** Loads `target` on loopback with autocannon (in this process, the same way for floors and app). */
export async function load(target: Target, options: LoadOptions): Promise<Sample> {
  let wrong = 0;
  const { nextCookie } = target;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        method: target.method ?? "GET",
        headers: target.headers,
        body: target.body,
        connections: options.connections,
        ...(options.amount ? { amount: options.amount } : { duration: options.duration }),
        requests: nextCookie
          ? [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, cookie: nextCookie() } }) }]
          : undefined,
      },
      (error: unknown, done: autocannon.Result) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, status) => {
      if (status !== target.expect) wrong += 1;
    });
  });
  const seconds = Math.max(0.001, result.duration);
  return {
    rps: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    wrong: wrong + result.errors + result.timeouts,
  };
}
