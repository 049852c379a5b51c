import { describe, expect, it } from "vitest";
import { roughDuration, timelineMarks } from "./timeline-marks";

const MIN = 60_000;
const times = { signedInAt: 0, idleExpiresAt: 40 * MIN, absoluteExpiresAt: 100 * MIN };

describe("timelineMarks", () => {
  it("places now and the idle limit between signing in and the absolute limit", () => {
    const marks = timelineMarks(times, 10 * MIN);
    expect(marks.nowPercent).toBe(10);
    expect(marks.idlePercent).toBe(40);
    expect(marks.summary).toBe("Signed in 10 min ago; ends in 30 min if idle, in 1 h 30 min at the latest.");
  });

  it("keeps the marks on the line when the clocks disagree", () => {
    expect(timelineMarks(times, -5 * MIN).nowPercent).toBe(0);
    expect(timelineMarks(times, 500 * MIN).nowPercent).toBe(100);
    expect(timelineMarks({ ...times, absoluteExpiresAt: 0 }, 0).idlePercent).toBe(100);
  });
});

describe("roughDuration", () => {
  it("reads as a person would say it", () => {
    expect(roughDuration(30_000)).toBe("under a minute");
    expect(roughDuration(-MIN)).toBe("under a minute");
    expect(roughDuration(59 * MIN)).toBe("59 min");
    expect(roughDuration(120 * MIN)).toBe("2 h");
    expect(roughDuration(125 * MIN)).toBe("2 h 5 min");
  });
});
