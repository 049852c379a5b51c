/**
 * Preloaded into the bench's servers only (NODE_OPTIONS="--expose-gc --require=bench/support/gc-probe.cjs"),
 * never by the app: on a "memory" message over the IPC channel the bench opened, run a full GC and answer
 * with RSS and the live heap. Production code has no such door; without the bench's IPC channel this does
 * nothing.
 */
if (typeof process.send === "function" && typeof globalThis.gc === "function") {
  const gc = globalThis.gc;
  process.on("message", (message) => {
    if (message !== "memory") return;
    gc();
    gc();
    const { rss, heapUsed } = process.memoryUsage();
    process.send?.({ kind: "memory", rss, heapUsed });
  });
  // The channel must not keep a server alive that was asked to stop.
  process.channel?.unref();
}
