import { describe, expect, it } from "vitest";
import { isSupportedNode, oldNodeMessage } from "./node-version";

describe("isSupportedNode", () => {
  it("needs 24.7 or newer", () => {
    expect(isSupportedNode("20.20.2")).toBe(false);
    expect(isSupportedNode("24.6.0")).toBe(false);
    expect(isSupportedNode("24.7.0")).toBe(true);
    expect(isSupportedNode("26.1.0")).toBe(true);
    expect(isSupportedNode(process.versions.node)).toBe(true);
  });

  it("tells an old Node, in one line, to use Node 24 through npm run start", () => {
    const message = oldNodeMessage("20.20.2");
    expect(message).not.toContain("\n");
    expect(message).toMatch(/Node 24/);
    expect(message).toMatch(/npm run start/);
    expect(message).toMatch(/20\.20\.2/);
  });
});
