import type { RetryPolicy } from "./mail-config";

export type AfterFailure = { kind: "retry"; at: number } | { kind: "give_up" };

/** The wait before attempt `attempts + 1`: the base delay doubling per failure, at most the maximum. */
export function retryDelayMs(attempts: number, policy: RetryPolicy): number {
  const doublings = Math.min(30, Math.max(0, attempts - 1));
  return Math.min(policy.baseDelayMs * 2 ** doublings, policy.maxDelayMs);
}

/** An SMTP 5xx reply is the server's final word (no such mailbox, refused); anything else may pass. */
export function isPermanentFailure(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("responseCode" in error)) return false;
  const code = error.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

/** What to do with a message whose delivery just failed for the `attempts`-th time. */
export function afterFailure(attempts: number, error: unknown, policy: RetryPolicy, now: number): AfterFailure {
  if (isPermanentFailure(error) || attempts >= policy.maxAttempts) return { kind: "give_up" };
  return { kind: "retry", at: now + retryDelayMs(attempts, policy) };
}

/** What the outbox and the log keep of a failure: one short line, never the message or a credential. */
export function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return "unknown error";
  const code = "code" in error && typeof error.code === "string" ? `${error.code}: ` : "";
  return `${code}${error.message}`
    .replace(/\s+/g, " ")
    .replace(/\/\/[^@/\s]*@/g, "//***@")
    .slice(0, 300);
}
