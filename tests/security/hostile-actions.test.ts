import { describe, expect, inject, it } from "vitest";
import { Client } from "../support/http-client";
import { expectNo5xx } from "./support";

/**
 * Server-action posts shaped by hand: the `$ACTION_…` fields React's decoder reads, with a bound argument
 * list that is empty or not JSON, or a fetch action whose arguments are not JSON. Malformed posts are 400,
 * never a 500 from the decoder or from an action called without its form. No session is needed.
 */
const baseUrl = inject("baseUrl");

/** The login form's action id, as the page renders it for the no-JavaScript path. */
async function loginActionId(): Promise<string> {
  const html = await (await fetch(new URL("/login", baseUrl))).text();
  const match = /name="\$ACTION_1:0" value="\{&quot;id&quot;:&quot;([0-9a-f]+)&quot;/.exec(html);
  expect(match, "the login page renders no $ACTION_1:0 field").not.toBeNull();
  return match?.[1] ?? "";
}

function descriptor(id: string): string {
  return JSON.stringify({ id, bound: "$@1" });
}

async function postForm(fields: Array<[string, string]>, headers: Record<string, string> = {}): Promise<Response> {
  const form = new FormData();
  for (const [key, value] of fields) form.append(key, value);
  return new Client().request("/login", { method: "POST", body: form, headers });
}

describe("malformed server-action posts are 400", () => {
  it("a bound argument list that is empty ($ACTION_1:1=[])", async () => {
    const id = await loginActionId();
    const response = await postForm([
      ["$ACTION_REF_1", ""],
      ["$ACTION_1:0", descriptor(id)],
      ["$ACTION_1:1", "[]"],
      ["email", "a@example.com"],
    ]);
    expect(response.status).toBe(400);
  });

  it("a bound argument list that is not JSON", async () => {
    const id = await loginActionId();
    const response = await postForm([
      ["$ACTION_REF_1", ""],
      ["$ACTION_1:0", descriptor(id)],
      ["$ACTION_1:1", "not json"],
    ]);
    expect(response.status).toBe(400);
  });

  it("a fetch action (Next-Action header) whose body is not JSON", async () => {
    const id = await loginActionId();
    const response = await new Client().request("/login", {
      method: "POST",
      headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8" },
      body: "not json",
    });
    expect(response.status).toBe(400);
  });

  it("a fetch action whose argument list is not JSON", async () => {
    const id = await loginActionId();
    const response = await postForm([["0", "not json"]], { "next-action": id });
    expect(response.status).toBe(400);
  });
});

describe("action posts that name the action but carry no form are never a 5xx", () => {
  it("the login action called by id only ($ACTION_ID_…), without its previous state", async () => {
    const id = await loginActionId();
    const response = await postForm([
      [`$ACTION_ID_${id}`, ""],
      ["email", "a@example.com"],
    ]);
    expectNo5xx(response);
  });

  it("a fetch action with an empty argument list (no form at all)", async () => {
    const id = await loginActionId();
    const response = await postForm([["0", "[]"]], { "next-action": id });
    expectNo5xx(response);
  });

  it("the real form post still works: wrong credentials get the form back, not an error", async () => {
    const html = await (await fetch(new URL("/login", baseUrl))).text();
    const fields = [...html.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map(
      ([, name = "", value = ""]): [string, string] => [name, value.replaceAll("&quot;", '"')],
    );
    expect(fields.length).toBeGreaterThan(0);
    const response = await postForm([...fields, ["email", "nobody@example.com"], ["password", "x".repeat(20)]]);
    expect(response.status).toBe(200);
  });
});
