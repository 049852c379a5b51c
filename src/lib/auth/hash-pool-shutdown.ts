import { isMainThread } from "node:worker_threads";

const SIGNALS = ["SIGTERM", "SIGINT"] as const;

/**
 * Runs `stop` on the first SIGTERM or SIGINT. A listener replaces the default "terminate", so once `stop`
 * is done and no one else (Next.js's own handler, which exits) is listening, the signal is raised again to
 * end the process as it would have ended. Workers are stopped first because `process.exit` waits for a
 * worker thread that is inside argon2's native code; the parameter bounds keep that wait short.
 */
export function stopOnSignals(stop: () => Promise<void>): void {
  // Signals are delivered to the main thread only.
  if (!isMainThread) return;
  for (const signal of SIGNALS) {
    const onSignal = (): void => {
      process.off(signal, onSignal);
      void stop().finally(() => {
        if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
      });
    };
    process.on(signal, onSignal);
  }
}
