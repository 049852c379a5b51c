import { describe, expect, it } from "vitest";
import { containsPattern, MAX_PAGE_SIZE, pageCount, parseUserSearch } from "./user-search";

const parse = (query: string) => parseUserSearch(new URLSearchParams(query));

describe("parseUserSearch", () => {
  it("takes the defaults for missing or empty parameters and trims the query", () => {
    expect(parse("")).toEqual({ ok: true, search: { query: "", page: 1, pageSize: 20 } });
    expect(parse("query=%20ada%20&page=&pageSize=")).toEqual({
      ok: true,
      search: { query: "ada", page: 1, pageSize: 20 },
    });
    expect(parse("page=3&pageSize=100")).toEqual({ ok: true, search: { query: "", page: 3, pageSize: 100 } });
  });

  it.each([
    ["page=0", "page"],
    ["page=-1", "page"],
    ["page=1.5", "page"],
    ["page=abc", "page"],
    ["page=1e3", "page"],
    [`pageSize=${MAX_PAGE_SIZE + 1}`, "pageSize"],
    ["pageSize=0", "pageSize"],
    ["pageSize=99999999999999999999", "pageSize"],
    [`query=${"x".repeat(201)}`, "query"],
    ["page=1&page=2", "page"],
  ])("refuses %s with a message for %s", (query, field) => {
    const parsed = parse(query);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(Object.keys(parsed.fields)).toEqual([field]);
  });
});

describe("containsPattern", () => {
  it("escapes the LIKE wildcards and the escape character, and lower-cases", () => {
    expect(containsPattern("Ada")).toBe("%ada%");
    expect(containsPattern("100%")).toBe("%100\\%%");
    expect(containsPattern("a_b")).toBe("%a\\_b%");
    expect(containsPattern("back\\slash")).toBe("%back\\\\slash%");
  });
});

describe("pageCount", () => {
  it("is at least one and rounds up", () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(20, 20)).toBe(1);
    expect(pageCount(21, 20)).toBe(2);
  });
});
