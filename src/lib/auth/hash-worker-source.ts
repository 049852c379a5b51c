/**
 * The worker's code, eval'd so that every bundle (Next.js server, CLI, tests) can start it without a
 * separate file to locate. It runs argon2 and zxcvbn synchronously on its own thread: never on the event
 * loop, and never in libuv's pool, where iron-session's WebCrypto calls would queue behind it (anchors.md).
 * zxcvbn is loaded from the app's own node_modules (the process runs from the app's folder) on the first
 * strength job, with the same packages and tuning as the browser's meter, so both give the same verdict.
 */
export const HASH_WORKER_SOURCE = `
const { parentPort, threadId } = require("node:worker_threads");
const { argon2Sync } = require("node:crypto");
let zxcvbn;
function estimator(tuning) {
  if (!zxcvbn) {
    const load = require("node:module").createRequire(require("node:path").join(process.cwd(), "index.js"));
    const { ZxcvbnFactory } = load("@zxcvbn-ts/core");
    const common = load("@zxcvbn-ts/language-common");
    const english = load("@zxcvbn-ts/language-en");
    zxcvbn = new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...english.dictionary },
      graphs: common.adjacencyGraphs,
      translations: english.translations,
      ...tuning,
    });
  }
  return zxcvbn;
}
function estimate({ candidates, words, tuning }) {
  return candidates.map((candidate) => {
    const result = estimator(tuning).check(candidate, words);
    const { warning, suggestions } = result.feedback;
    return { guessesLog10: result.guessesLog10, score: result.score, warning, suggestions };
  });
}
parentPort.on("message", ({ id, job }) => {
  try {
    if (job.kind === "argon2") {
      const tag = argon2Sync("argon2id", job.argon2);
      parentPort.postMessage({ id, ok: true, kind: "argon2", threadId, tag }, [tag.buffer]);
    } else {
      parentPort.postMessage({ id, ok: true, kind: "strength", threadId, estimates: estimate(job.strength) });
    }
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: String((error && error.message) || error) });
  }
});`;
