import { afterEach, describe, expect, it, vi } from "vitest";
import { reader } from "@/lib/db/database";
import { AUDIT_QUEUE_LIMIT, auditLater, pendingAuditEvents } from "./audit-queue";

afterEach(() => vi.restoreAllMocks());

async function stored(id: string): Promise<number> {
  const rows = await (await reader()).selectFrom("authEvents").select("id").where("id", "=", id).execute();
  return rows.length;
}

describe("auditLater", () => {
  it("writes the event once, however often it is queued", async () => {
    const id = `expired:queue-${Date.now()}`;
    const entry = { id, event: "session_expired", outcome: "success", detail: "expired" } as const;
    auditLater(entry, null);
    auditLater(entry, null);
    await vi.waitFor(async () => expect(await stored(id)).toBe(1));
    auditLater(entry, null);
    await vi.waitFor(() => expect(pendingAuditEvents()).toBe(0));
    expect(await stored(id)).toBe(1);
  });

  it("is bounded: past the limit an event is dropped and logged as audit_write_failed", {
    timeout: 30_000,
  }, async () => {
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => void lines.push(line));
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    for (let i = 0; i <= AUDIT_QUEUE_LIMIT; i++) {
      auditLater({ id: `flood-${Date.now()}-${i}`, event: "cookie_rejected", outcome: "blocked" }, null);
    }
    const failures = lines.map((line) => JSON.parse(line)).filter((line) => line.event === "audit_write_failed");
    expect(failures).toEqual([expect.objectContaining({ auditEvent: "cookie_rejected", error: "audit queue full" })]);
    await vi.waitFor(() => expect(pendingAuditEvents()).toBe(0), { timeout: 20_000 });
  });
});
