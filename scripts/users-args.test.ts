import { describe, expect, it } from "vitest";
import { parseUsersArgs } from "./users-args";

describe("parseUsersArgs", () => {
  it("add: email normalised, name trimmed (blank is none), --admin", () => {
    expect(parseUsersArgs(["add", " Ada@Example.COM ", "--name", "  Ada  ", "--admin"])).toEqual({
      ok: true,
      command: { kind: "add", email: "ada@example.com", name: "Ada", admin: true },
    });
    expect(parseUsersArgs(["add", "b@example.com", "--name", "  "])).toEqual({
      ok: true,
      command: { kind: "add", email: "b@example.com", name: null, admin: false },
    });
  });

  it("list, and list --json", () => {
    expect(parseUsersArgs(["list"])).toEqual({ ok: true, command: { kind: "list", json: false } });
    expect(parseUsersArgs(["list", "--json"])).toEqual({ ok: true, command: { kind: "list", json: true } });
  });

  it("set-admin on|off and remove", () => {
    expect(parseUsersArgs(["set-admin", "a@example.com", "on"])).toEqual({
      ok: true,
      command: { kind: "set-admin", email: "a@example.com", admin: true },
    });
    expect(parseUsersArgs(["set-admin", "a@example.com", "off"])).toMatchObject({ command: { admin: false } });
    expect(parseUsersArgs(["remove", "a@example.com"])).toEqual({
      ok: true,
      command: { kind: "remove", email: "a@example.com" },
    });
  });

  it.each([
    [[]],
    [["help"]],
    [["frobnicate"]],
    [["add"]],
    [["add", "a@example.com", "--nmae", "X"]],
    [["add", "a@example.com", "b@example.com"]],
    [["list", "--jsno"]],
    [["list", "extra"]],
    [["set-admin", "a@example.com"]],
    [["set-admin", "a@example.com", "yes"]],
    [["remove"]],
    [["remove", "a@example.com", "--force"]],
  ])("%j is a usage error (exit 2)", (argv) => {
    expect(parseUsersArgs(argv)).toMatchObject({ ok: false, exit: 2 });
  });

  it("an invalid email is a refusal (exit 1) that names it", () => {
    const parsed = parseUsersArgs(["add", "a@x.com,b@y.com"]);
    expect(parsed).toMatchObject({ ok: false, exit: 1 });
    if (!parsed.ok) expect(parsed.message).toContain("a@x.com,b@y.com");
  });
});
