import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { log } from "@/lib/log/logger";
import type { Argon2Job, Computed, PoolJob, StrengthEstimate, StrengthJob, WorkerReply } from "./hash-pool-jobs";
import { stopOnSignals } from "./hash-pool-shutdown";
import { HASH_WORKER_SOURCE } from "./hash-worker-source";

export type { Argon2Job } from "./hash-pool-jobs";

/** No worker can take the job now (queue full, pool stopping): the caller answers 503 with Retry-After. */
export class HashPoolBusyError extends Error {
  override name = "HashPoolBusyError";
}

/** The worker holding the job died (crash, out of memory, killed): also a 503, and the worker is replaced. */
export class HashWorkerLostError extends HashPoolBusyError {
  override name = "HashWorkerLostError";
}

interface Pending {
  id: number;
  job: PoolJob;
  resolve: (reply: WorkerReply) => void;
  reject: (error: Error) => void;
}

export interface HashPoolStats {
  size: number;
  running: number;
  queued: number;
  /** argon2 hashes computed (or failed); strength checks are counted apart, in `judged`. */
  completed: number;
  judged: number;
}

/** A fixed set of worker threads computing argon2id and zxcvbn, with a bounded queue in front. */
export class HashPool {
  readonly #size: number;
  readonly #maxQueue: number;
  readonly #source: string;
  readonly #workers = new Set<Worker>();
  readonly #idle: Worker[] = [];
  readonly #busy = new Map<Worker, Pending>();
  readonly #queue: Pending[] = [];
  #nextId = 1;
  #completed = 0;
  #judged = 0;
  #closed = false;

  /** `source` is for tests that need a worker which misbehaves; production always runs the real one. */
  constructor(size: number, maxQueue = 256, source = HASH_WORKER_SOURCE) {
    this.#size = size;
    this.#maxQueue = maxQueue;
    this.#source = source;
  }

  stats(): HashPoolStats {
    return {
      size: this.#size,
      running: this.#busy.size,
      queued: this.#queue.length,
      completed: this.#completed,
      judged: this.#judged,
    };
  }

  /** argon2id's tag for this input. */
  async argon2(argon2: Argon2Job): Promise<Computed<Buffer>> {
    const reply = await this.#run({ kind: "argon2", argon2 });
    if (!reply.ok || reply.kind !== "argon2") throw new Error("hash worker answered another job");
    return { value: Buffer.from(reply.tag), threadId: reply.threadId };
  }

  /** zxcvbn's estimate for each candidate. */
  async strength(strength: StrengthJob): Promise<Computed<StrengthEstimate[]>> {
    const reply = await this.#run({ kind: "strength", strength });
    if (!reply.ok || reply.kind !== "strength") throw new Error("hash worker answered another job");
    return { value: reply.estimates, threadId: reply.threadId };
  }

  /** Refuses new work, fails what waits, and stops every worker (a running hash ends first: native code). */
  async close(): Promise<void> {
    this.#closed = true;
    for (const pending of this.#queue.splice(0)) pending.reject(new HashPoolBusyError("hash pool stopping"));
    await Promise.all([...this.#workers].map((worker) => worker.terminate()));
  }

  #run(job: PoolJob): Promise<WorkerReply> {
    if (this.#closed) return Promise.reject(new HashPoolBusyError("hash pool stopping"));
    if (this.#queue.length >= this.#maxQueue) return Promise.reject(new HashPoolBusyError("hash queue full"));
    return new Promise((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, job, resolve, reject });
      this.#dispatch();
    });
  }

  #dispatch(): void {
    while (this.#queue.length > 0 && !this.#closed) {
      const worker = this.#idle.pop() ?? this.#spawn();
      const pending = worker && this.#queue.shift();
      if (!worker || !pending) return;
      this.#busy.set(worker, pending);
      worker.ref();
      worker.postMessage({ id: pending.id, job: pending.job });
    }
  }

  #spawn(): Worker | undefined {
    if (this.#workers.size >= this.#size) return undefined;
    const worker = new Worker(this.#source, { eval: true });
    this.#workers.add(worker);
    worker.on("message", (reply: WorkerReply) => this.#settle(worker, reply));
    // An uncaught error is followed by "exit"; the job is failed there, once.
    worker.on("error", (error) => log.error("hash_worker_error", { error }));
    worker.on("exit", (code) => this.#lost(worker, code));
    return worker;
  }

  #settle(worker: Worker, reply: WorkerReply): void {
    const pending = this.#busy.get(worker);
    this.#busy.delete(worker);
    if (pending?.job.kind === "strength") this.#judged++;
    else this.#completed++;
    worker.unref();
    this.#idle.push(worker);
    if (pending) {
      if (reply.ok) pending.resolve(reply);
      else pending.reject(new Error(reply.error));
    }
    this.#dispatch();
  }

  /** A worker ended: its job fails (never hangs), and the next job starts a replacement. */
  #lost(worker: Worker, code: number): void {
    const pending = this.#busy.get(worker);
    this.#busy.delete(worker);
    this.#workers.delete(worker);
    const idle = this.#idle.indexOf(worker);
    if (idle >= 0) this.#idle.splice(idle, 1);
    if (this.#closed) {
      pending?.reject(new HashPoolBusyError("hash pool stopping"));
      return;
    }
    log.error("hash_worker_lost", { code, running: pending !== undefined });
    pending?.reject(new HashWorkerLostError(`hash worker exited with code ${code}`));
    this.#dispatch();
  }
}

const holder = globalThis as typeof globalThis & { __ironGateHashPool?: HashPool };

/** One worker per core but one (the event loop keeps a core for requests), at least one, at most four. */
export const DEFAULT_POOL_SIZE = Math.max(1, Math.min(4, availableParallelism() - 1));

/** The process-wide pool, stopped on SIGTERM/SIGINT. */
export function hashPool(size = DEFAULT_POOL_SIZE): HashPool {
  if (!holder.__ironGateHashPool) {
    const pool = new HashPool(size);
    holder.__ironGateHashPool = pool;
    stopOnSignals(() => pool.close());
  }
  return holder.__ironGateHashPool;
}
