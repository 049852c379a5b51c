import { describe, expect, it } from "vitest";
import { expectError } from "../integration/helpers";
import { Client, STRONG_PASSWORD, uniqueEmail } from "../support/http-client";

/**
 * R56 / decision 3: control characters in a name or an email are refused with 400 (they would reach logs,
 * pages and mail headers), and a 100 KB string in any field is refused before it is read whole (413).
 */
describe("R56: control characters and huge strings", () => {
  for (const name of ["Ada\u0000", "Ada\u001b[31mred", "Ada\nLovelace", "Ada\u007f", "Ada\u0085"]) {
    it(`a name with ${JSON.stringify(name)}: 400 invalid_input on name`, async () => {
      const body = { email: uniqueEmail("ctl"), password: STRONG_PASSWORD, name };
      const error = await expectError(await new Client().json("POST", "/api/users", body), 400, "invalid_input");
      expect(Object.keys(error.error.fields ?? {})).toContain("name");
    });
  }

  for (const email of [
    "ada\u0000@example.com",
    "ada@exam\u0007ple.com",
    "ada\r\n@example.com",
    "ada@example.com\u0000x",
  ]) {
    it(`an email with ${JSON.stringify(email)}: 400 on sign-up and sign-in`, async () => {
      for (const path of ["/api/users", "/api/sessions"]) {
        const error = await expectError(
          await new Client().json("POST", path, { email, password: STRONG_PASSWORD }),
          400,
          "invalid_input",
        );
        expect(Object.keys(error.error.fields ?? {})).toContain("email");
      }
    });
  }

  for (const field of ["email", "password", "name"]) {
    it(`a 100 KB ${field}: 413 payload_too_large`, async () => {
      const body: Record<string, string> = { email: uniqueEmail("huge"), password: STRONG_PASSWORD };
      body[field] = field === "email" ? `${"a".repeat(100_000)}@example.com` : "x".repeat(100_000);
      await expectError(await new Client().json("POST", "/api/users", body), 413, "payload_too_large");
    });
  }
});
