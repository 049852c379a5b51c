import { describe, expect, it } from "vitest";
import { type ListedUser, usersJson, usersTable } from "./users-output";

const ada: ListedUser = {
  id: "u1",
  email: "ada@example.com",
  name: "Ada Lovelace",
  isAdmin: true,
  createdAt: "2026-01-02T03:04:05.000Z",
};
const bob: ListedUser = {
  id: "u2",
  email: "b@example.com",
  name: null,
  isAdmin: false,
  createdAt: "2026-02-03T04:05:06.000Z",
};

describe("usersTable", () => {
  it("a header row, then aligned columns", () => {
    expect(usersTable([ada, bob]).split("\n")).toEqual([
      "EMAIL            NAME          ROLE   CREATED",
      "ada@example.com  Ada Lovelace  admin  2026-01-02T03:04:05.000Z",
      "b@example.com    -             user   2026-02-03T04:05:06.000Z",
    ]);
  });

  it("says so when there are no users", () => {
    expect(usersTable([])).toBe("No users yet.");
  });
});

describe("usersJson", () => {
  it("one array of the listed fields", () => {
    expect(JSON.parse(usersJson([ada, bob]))).toEqual([ada, bob]);
    expect(JSON.parse(usersJson([]))).toEqual([]);
  });
});
