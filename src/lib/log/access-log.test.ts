import { describe, expect, it, vi } from "vitest";
import { accessLine, accessLog } from "./access-log";

describe("the access log (issue 14)", () => {
  const entry = { method: "GET", path: '/api/"x"', requestId: "3f0c", status: 200, ms: 3 };

  it("writes the logger's shape: time, level, event, then the fixed fields, as valid JSON", () => {
    const line = accessLine(entry, Date.UTC(2026, 0, 2));
    expect(line.endsWith("\n")).toBe(true);
    expect(Object.keys(JSON.parse(line))).toEqual([
      "time",
      "level",
      "event",
      "method",
      "path",
      "requestId",
      "status",
      "ms",
    ]);
    expect(JSON.parse(line)).toEqual({ time: "2026-01-02T00:00:00.000Z", level: "info", event: "request", ...entry });
    expect(JSON.parse(accessLine({ ...entry, requestId: null })).requestId).toBeNull();
  });

  it("writes after the request's turn of the event loop, the turn's lines in one write", async () => {
    const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    accessLog(entry);
    accessLog({ ...entry, status: 404 });
    expect(write).not.toHaveBeenCalled();
    await new Promise((done) => setImmediate(done));
    expect(write).toHaveBeenCalledTimes(1);
    const lines = String(write.mock.calls[0]?.[0])
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.status)).toEqual([200, 404]);
    write.mockRestore();
  });
});
