import { describe, expect, it } from "vitest";
import { confirmEntries, entryFromLine } from "./password-entry";

const PASSWORD = "velvet tractor kiwi orbit lantern";

describe("entryFromLine (stdin)", () => {
  it("an empty first line, or none, means no password was given", () => {
    expect(entryFromLine("")).toEqual({ ok: false, reason: "missing" });
  });

  it("anything else is the password, NFC-normalised, never trimmed", () => {
    expect(entryFromLine(` ${PASSWORD} `)).toEqual({ ok: true, password: ` ${PASSWORD} ` });
    expect(entryFromLine("cafe\u0301 tractor kiwi orbit")).toEqual({
      ok: true,
      password: "caf\u00e9 tractor kiwi orbit",
    });
  });
});

describe("confirmEntries (a terminal asks twice)", () => {
  it("the same password twice is the password", () => {
    expect(confirmEntries(PASSWORD, PASSWORD)).toEqual({ ok: true, password: PASSWORD });
  });

  it("two different entries are a mismatch, even by one character or one space", () => {
    expect(confirmEntries(PASSWORD, `${PASSWORD}x`)).toEqual({ ok: false, reason: "mismatch" });
    expect(confirmEntries(PASSWORD, `${PASSWORD} `)).toEqual({ ok: false, reason: "mismatch" });
  });

  it("the same text in two Unicode forms matches, as sign-in would accept it", () => {
    expect(confirmEntries("cafe\u0301 tractor kiwi orbit", "caf\u00e9 tractor kiwi orbit").ok).toBe(true);
  });

  it("an empty first entry is no password, whatever the second", () => {
    expect(confirmEntries("", "")).toEqual({ ok: false, reason: "missing" });
  });
});
