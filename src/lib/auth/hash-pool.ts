import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

export interface Argon2Job {
  message: string;
  nonce: Buffer;
  memory: number;
  passes: number;
  parallelism: number;
  tagLength: number;
}

type Reply = { id: number; ok: true; tag: Uint8Array } | { id: number; ok: false; error: string };

// The worker is eval'd source so that every bundle (Next.js server, CLI, tests) can start it without a
// separate file to locate. It runs argon2 synchronously on its own thread: never on the event loop and
// never in libuv's pool, where iron-session's WebCrypto calls would queue behind it (anchors.md).
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const { argon2Sync } = require("node:crypto");
parentPort.on("message", ({ id, job }) => {
  try {
    const tag = argon2Sync("argon2id", job);
    parentPort.postMessage({ id, ok: true, tag }, [tag.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: String(error && error.message || error) });
  }
});`;

/** Too many hashes already waiting: the caller should answer 503 rather than queue without bound. */
export class HashPoolBusyError extends Error {
  override name = "HashPoolBusyError";
}

interface Pending {
  id: number;
  job: Argon2Job;
  resolve: (tag: Buffer) => void;
  reject: (error: Error) => void;
}

export interface HashPoolStats {
  size: number;
  running: number;
  queued: number;
  completed: number;
}

/** A fixed set of worker threads computing argon2id, with a bounded queue in front. */
export class HashPool {
  readonly #size: number;
  readonly #maxQueue: number;
  readonly #idle: Worker[] = [];
  readonly #busy = new Map<Worker, Pending>();
  readonly #queue: Pending[] = [];
  #started = 0;
  #nextId = 1;
  #completed = 0;

  constructor(size: number, maxQueue = 256) {
    this.#size = size;
    this.#maxQueue = maxQueue;
  }

  stats(): HashPoolStats {
    return { size: this.#size, running: this.#busy.size, queued: this.#queue.length, completed: this.#completed };
  }

  run(job: Argon2Job): Promise<Buffer> {
    if (this.#queue.length >= this.#maxQueue) return Promise.reject(new HashPoolBusyError("hash queue full"));
    return new Promise((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, job, resolve, reject });
      this.#dispatch();
    });
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      const worker = this.#idle.pop() ?? this.#spawn();
      if (!worker) return;
      const pending = this.#queue.shift() as Pending;
      this.#busy.set(worker, pending);
      worker.ref();
      worker.postMessage({ id: pending.id, job: pending.job });
    }
  }

  #spawn(): Worker | undefined {
    if (this.#started >= this.#size) return undefined;
    this.#started++;
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.on("message", (reply: Reply) => this.#settle(worker, reply));
    worker.on("error", (error) => this.#fail(worker, error));
    return worker;
  }

  #settle(worker: Worker, reply: Reply): void {
    const pending = this.#busy.get(worker);
    this.#busy.delete(worker);
    this.#completed++;
    worker.unref();
    this.#idle.push(worker);
    if (pending) {
      if (reply.ok) pending.resolve(Buffer.from(reply.tag));
      else pending.reject(new Error(reply.error));
    }
    this.#dispatch();
  }

  #fail(worker: Worker, error: Error): void {
    this.#busy.get(worker)?.reject(error);
    this.#busy.delete(worker);
    this.#started--;
    void worker.terminate();
    this.#dispatch();
  }
}

const holder = globalThis as typeof globalThis & { __ironGateHashPool?: HashPool };

/** One worker per core but one (the event loop keeps a core for requests), at least one, at most four. */
export const DEFAULT_POOL_SIZE = Math.max(1, Math.min(4, availableParallelism() - 1));

/** The process-wide pool. */
export function hashPool(size = DEFAULT_POOL_SIZE): HashPool {
  holder.__ironGateHashPool ??= new HashPool(size);
  return holder.__ironGateHashPool;
}
