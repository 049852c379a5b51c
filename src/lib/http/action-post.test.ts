import { describe, expect, it } from "vitest";
import { fetchActionProblem, formActionProblem } from "./action-post";

const ID = "60000865abec84305a44073ecc8c23b15f91169521";

function form(fields: Array<[string, string]>): FormData {
  const data = new FormData();
  for (const [key, value] of fields) data.append(key, value);
  return data;
}

function boundForm(bound: string, descriptor = JSON.stringify({ id: ID, bound: "$@1" })): FormData {
  return form([
    ["$ACTION_REF_1", ""],
    ["$ACTION_1:0", descriptor],
    ["$ACTION_1:1", bound],
    ["$ACTION_KEY", "k123"],
    ["email", "ada@example.com"],
  ]);
}

describe("formActionProblem", () => {
  it("accepts what React renders for a useActionState form", () => {
    expect(formActionProblem(boundForm('[{"fields":{},"values":{}}]'))).toBeNull();
  });

  it("accepts an action without bound arguments and an ordinary form", () => {
    expect(formActionProblem(form([[`$ACTION_ID_${ID}`, ""]]))).toBeNull();
    expect(formActionProblem(form([["email", "ada@example.com"]]))).toBeNull();
  });

  it.each([
    ["an empty bound argument list", boundForm("[]")],
    ["bound arguments that are not JSON", boundForm("not json")],
    ["bound arguments that are not a list", boundForm('{"a":1}')],
    ["a descriptor that is not JSON", boundForm("[1]", "xx")],
    ["a descriptor without an id", boundForm("[1]", '{"bound":"$@1"}')],
    ["a reference without a descriptor", form([["$ACTION_REF_1", ""]])],
  ])("refuses %s", (_label, data) => {
    expect(formActionProblem(data)).toMatch(/\w/);
  });
});

describe("fetchActionProblem", () => {
  it("accepts an argument list that is JSON, as the whole body or as field 0 of a multipart one", () => {
    expect(fetchActionProblem("[]")).toBeNull();
    expect(fetchActionProblem(form([["0", '["$K1"]']]))).toBeNull();
  });

  it("refuses arguments that are not JSON", () => {
    expect(fetchActionProblem("not json")).toMatch(/JSON/);
    expect(fetchActionProblem(form([["0", "not json"]]))).toMatch(/JSON/);
    expect(fetchActionProblem(form([["1_email", "a@b.co"]]))).toMatch(/JSON/);
  });
});
