import { describe, expect, it } from "vitest";
import { ADMIN_COMMANDS, commandRequest, isAdminCommand, say } from "./admin-commands";
import { readAdminPageState } from "./admin-page-state";
import { adminUrl } from "./admin-url";

describe("admin commands", () => {
  it("map to the JSON API", () => {
    expect(commandRequest("grant", "abc")).toEqual({
      method: "PATCH",
      path: "/api/admin/users/abc",
      body: { isAdmin: true },
    });
    expect(commandRequest("disable", "abc")).toEqual({
      method: "PATCH",
      path: "/api/admin/users/abc",
      body: { disabled: true },
    });
    expect(commandRequest("sign-out", "a/b")).toEqual({ method: "POST", path: "/api/admin/users/a%2Fb/sign-out" });
    expect(commandRequest("delete", "abc")).toEqual({ method: "DELETE", path: "/api/admin/users/abc" });
  });

  it("are recognised only by name, not by inherited keys", () => {
    for (const command of ADMIN_COMMANDS) expect(isAdminCommand(command)).toBe(true);
    expect(isAdminCommand("toString")).toBe(false);
    expect(isAdminCommand(undefined)).toBe(false);
  });

  it("say who", () => {
    expect(say("Disable {who}? {who}!", "ada@example.com")).toBe("Disable ada@example.com? ada@example.com!");
  });
});

describe("adminUrl", () => {
  it("names only the parameters that say something", () => {
    expect(adminUrl({})).toBe("/admin");
    expect(adminUrl({ query: "a b", page: 1 })).toBe("/admin?query=a+b");
    expect(adminUrl({ page: 2, user: "u1", confirm: "delete", password: "needed" })).toBe(
      "/admin?page=2&user=u1&confirm=delete&password=needed",
    );
  });
});

describe("readAdminPageState", () => {
  it("keeps what it understands and drops the rest", () => {
    expect(readAdminPageState({})).toEqual({ query: "", page: 1 });
    expect(
      readAdminPageState({ query: " ada ", page: "2", user: "u1", confirm: "delete", password: "wrong", error: "x" }),
    ).toEqual({ query: "ada", page: 2, user: "u1", confirm: "delete", password: "wrong" });
    expect(readAdminPageState({ page: "-3", confirm: "toString", done: ["grant", "revoke"] })).toEqual({
      query: "",
      page: 1,
      done: "grant",
    });
  });
});
